package uk.gov.essex.mace.disruption;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.cases.CaseLookup;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.partnership.District;
import uk.gov.essex.mace.partnership.Partnership;
import uk.gov.essex.mace.partnership.Quadrant;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.policy.HandlingLabel;
import uk.gov.essex.mace.policy.Labels;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;
import uk.gov.essex.mace.policy.Visibility;
import uk.gov.essex.mace.system.InvalidRequestProblem;

/**
 * The rules an update (or a list's filters) must meet before anything is stored or read: a known
 * type and Essex district, a date not in the future, a UK postcode, a label the poster could read
 * themselves, linked cases the poster may read. Messages never quote the submitted content, and an
 * unreadable linked case is not told apart from one that does not exist.
 */
@Component
class DisruptionRules {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final int MAX_TEXT_BYTES = 65_536;
    private static final Pattern POSTCODE = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}");

    private final Partnership partnership;
    private final Labels labels;
    private final PolicyDecisionPoint policy;
    private final CaseLookup cases;
    private final Clock clock;

    DisruptionRules(Partnership partnership, Labels labels, PolicyDecisionPoint policy, CaseLookup cases, Clock clock) {
        this.partnership = partnership;
        this.labels = labels;
        this.policy = policy;
        this.cases = cases;
        this.clock = clock;
    }

    DisruptionType type(String name, String field) {
        return DisruptionType.parse(name).orElseThrow(() -> invalid("unknown-type",
                "No such disruption type: the types are " + List.of(DisruptionType.values()) + ".", field));
    }

    District district(String name, String field) {
        return partnership.district(name).orElseThrow(() -> invalid("unknown-district",
                "The district is not an Essex district the hub knows.", field));
    }

    Quadrant quadrant(String name) {
        return Quadrant.parse(name).orElseThrow(() -> invalid("unknown-quadrant",
                "No such quadrant: the quadrants are MID, NORTH, SOUTH and WEST.", "quadrant"));
    }

    void date(LocalDate date) {
        if (date.isAfter(LocalDate.now(clock.withZone(LONDON)))) {
            throw invalid("date-in-future", "The date of the disruption is in the future.", "date");
        }
    }

    /** The postcode in its usual form ({@code CO1 1AA}), or null when none was given. */
    String postcode(String postcode) {
        if (postcode == null || postcode.isBlank()) {
            return null;
        }
        String compact = postcode.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
        if (!POSTCODE.matcher(compact).matches()) {
            throw invalid("invalid-postcode", "The postcode is not a UK postcode.", "place.postcode");
        }
        return compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
    }

    HandlingLabel label(HubPrincipal who, Quadrant quadrant, String id) {
        HandlingLabel label = labels.find(id).orElseThrow(() -> invalid("unknown-label", "No such handling label.", "label"));
        if (policy.visibility(who, Action.DISRUPTION_READ, quadrant, who.agencyId(), label) != Visibility.FULL) {
            throw invalid("label-excludes-author", "You cannot share under a label that you could not read yourself.", "label");
        }
        return label;
    }

    List<String> linkedCases(HubPrincipal who, List<String> ids) {
        if (ids == null) {
            return List.of();
        }
        Set<String> distinct = new LinkedHashSet<>(ids);
        if (distinct.size() != ids.size()) {
            throw invalid("duplicate-linked-case", "A case is linked twice.", "linkedCaseIds");
        }
        List<String> readable = new ArrayList<>();
        for (String id : distinct) {
            boolean mayRead = cases.facts(id).map(f -> policy.permits(who, Action.CASE_READ, f)).orElse(false);
            if (!mayRead) {
                throw invalid("unreadable-linked-case",
                        "A linked case does not exist or you may not read it; link only cases you work on.", "linkedCaseIds");
            }
            readable.add(id);
        }
        return List.copyOf(readable);
    }

    void text(String text) {
        if (text != null && text.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
            throw invalid("text-too-long", "The text is longer than 64 KB.", "text");
        }
    }

    void period(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw invalid("invalid-period", "The period ends before it starts.", "to");
        }
    }

    static InvalidRequestProblem invalid(String slug, String message, String field) {
        return new InvalidRequestProblem(slug, message, Map.of(field, slug));
    }
}
