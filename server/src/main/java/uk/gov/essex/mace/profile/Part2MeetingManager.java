package uk.gov.essex.mace.profile;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.audit.AuditUnavailableException;
import uk.gov.essex.mace.crypto.FieldCipher;
import uk.gov.essex.mace.crypto.FieldContext;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.partnership.Quadrant;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;
import uk.gov.essex.mace.system.ConflictProblem;
import uk.gov.essex.mace.system.IdempotencyKeys;
import uk.gov.essex.mace.system.InvalidRequestProblem;

/**
 * Records and lists MACE Part 2 meetings: the themes a quadrant's Part 2 meeting agreed to share
 * with its Stay Safe groups and the wider workforce. Themes are sealed at rest under the
 * quadrant's Part 2 key ({@code part2:QUADRANT}); recording is audited, and undone if it cannot be.
 */
@Service
class Part2MeetingManager {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final String RECORD = "profile.meeting.record";
    private static final String LIST = "profile.meeting.list";

    private final Part2Meetings meetings;
    private final FieldCipher cipher;
    private final PolicyDecisionPoint policy;
    private final AuditTrail audit;
    private final IdempotencyKeys idempotency;
    private final ObjectMapper json;
    private final Clock clock;

    Part2MeetingManager(Part2Meetings meetings, FieldCipher cipher, PolicyDecisionPoint policy, AuditTrail audit,
            IdempotencyKeys idempotency, ObjectMapper json, Clock clock) {
        this.meetings = meetings;
        this.cipher = cipher;
        this.policy = policy;
        this.audit = audit;
        this.idempotency = idempotency;
        this.json = json;
        this.clock = clock;
    }

    Part2MeetingResponse record(HubPrincipal who, RecordPart2MeetingRequest request, String idempotencyKey) {
        Quadrant quadrant = Quadrant.parse(request.quadrant()).orElseThrow(() -> rejected(who, invalid("unknown-quadrant",
                "No such quadrant: the quadrants are MID, NORTH, SOUTH and WEST.", "quadrant")));
        policy.check(who, Action.PROFILE_MEETING_RECORD, quadrant);
        Matcher quarter = QUARTER.matcher(request.quarter().trim());
        if (!quarter.matches()) {
            throw rejected(who, invalid("invalid-quarter", "Give the quarter as YYYY-Qn, e.g. 2026-Q1.", "quarter"));
        }
        LocalDate quarterStart = YearMonth.of(Integer.parseInt(quarter.group(1)), 3 * Integer.parseInt(quarter.group(2)) - 2)
                .atDay(1);
        if (request.heldOn().isAfter(LocalDate.now(clock.withZone(ProfilePeriod.LONDON)))) {
            throw rejected(who, invalid("held-in-future", "The meeting date is in the future.", "heldOn"));
        }
        if (request.heldOn().isBefore(quarterStart)) {
            throw rejected(who, invalid("held-before-quarter", "A Part 2 meeting considers a quarter that has begun.", "heldOn"));
        }
        String id = quadrant.name() + ":" + quarter.group(0);
        return idempotency.once(who.subject(), idempotencyKey, json.writeValueAsString(request),
                () -> store(who, id, quadrant, quarter.group(0), request), this::read);
    }

    private IdempotencyKeys.Created<Part2MeetingResponse> store(HubPrincipal who, String id, Quadrant quadrant, String quarter,
            RecordPart2MeetingRequest request) {
        byte[] sealed = cipher.seal(context(quadrant, id), json.writeValueAsBytes(request.themes()));
        Part2Meetings.Stored stored = new Part2Meetings.Stored(id, quadrant, quarter, request.heldOn(), sealed,
                who.subject(), who.agencyId(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        if (!meetings.insert(stored)) {
            throw rejected(who, new ConflictProblem("meeting-exists",
                    "The quadrant's Part 2 meeting for " + quarter + " is already recorded."), "exists");
        }
        try {
            audit.append(AuditEvent.of(who, RECORD, AuditEvent.Outcome.SUCCESS, id)
                    .with("themes", Integer.toString(request.themes().size())));
        } catch (AuditUnavailableException e) {
            meetings.delete(id);
            throw e;
        }
        return new IdempotencyKeys.Created<>(id, response(stored));
    }

    /** The meetings of {@code quadrant} ({@code ALL}: every quadrant, for county readers), latest quarter first. */
    List<Part2MeetingResponse> list(HubPrincipal who, String quadrant) {
        List<Quadrant> quadrants;
        if (quadrant != null && ProfileManager.ALL.equalsIgnoreCase(quadrant.trim())) {
            policy.check(who, Action.PROFILE_COUNTY_READ);
            quadrants = List.of(Quadrant.values());
        } else {
            Quadrant q = Quadrant.parse(quadrant).orElseThrow(() -> rejected(who, invalid("unknown-quadrant",
                    "Give quadrant=MID, NORTH, SOUTH or WEST, or ALL.", "quadrant"), LIST));
            policy.check(who, Action.PROFILE_READ, q);
            quadrants = List.of(q);
        }
        List<Part2MeetingResponse> found = new ArrayList<>(meetings.inQuadrants(quadrants).stream().map(this::response).toList());
        found.sort(Comparator.comparing(Part2MeetingResponse::quarter).reversed().thenComparing(Part2MeetingResponse::id));
        audit.append(new AuditEvent(who, LIST, found.stream().map(Part2MeetingResponse::id).toList(),
                AuditEvent.Outcome.SUCCESS, Map.of("count", Integer.toString(found.size()))));
        return found;
    }

    private Part2MeetingResponse read(String id) {
        return meetings.find(id).map(this::response).orElseThrow();
    }

    private Part2MeetingResponse response(Part2Meetings.Stored m) {
        List<RecordPart2MeetingRequest.Theme> themes = json.readValue(cipher.open(context(m.quadrant(), m.id()), m.themesSealed()),
                new TypeReference<List<RecordPart2MeetingRequest.Theme>>() {});
        return new Part2MeetingResponse(m.id(), m.quadrant(), m.quarter(), m.heldOn(), themes, m.recordedBy(),
                m.recordedByAgency(), m.recordedAt());
    }

    private static FieldContext context(Quadrant quadrant, String id) {
        return new FieldContext("part2:" + quadrant.name(), "part2-meeting", id, "themes", 1);
    }

    private <T extends RuntimeException> T rejected(HubPrincipal who, T problem) {
        return rejected(who, problem, RECORD);
    }

    private <T extends RuntimeException> T rejected(HubPrincipal who, T problem, String action) {
        String reason = problem instanceof InvalidRequestProblem p ? p.slug() : "exists";
        audit.append(AuditEvent.of(who, action, AuditEvent.Outcome.REJECTED).with("reason", reason));
        return problem;
    }

    private static InvalidRequestProblem invalid(String slug, String message, String field) {
        return new InvalidRequestProblem(slug, message, Map.of(field, slug));
    }
}
