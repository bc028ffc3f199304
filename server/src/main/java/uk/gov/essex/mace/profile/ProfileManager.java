package uk.gov.essex.mace.profile;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.stereotype.Service;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.partnership.Partnership;
import uk.gov.essex.mace.partnership.Quadrant;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;
import uk.gov.essex.mace.system.InvalidRequestProblem;

/**
 * Builds profiles for those allowed to see them: parse, ask the policy decision point (a quadrant's
 * profile: its analysts, Stay Safe leads, chairs and coordinators; the county's: the
 * Sub-Committee), validate the period, gather, compute, audit. Exports are audited as
 * {@code profile.export} before a byte is returned.
 */
@Service
class ProfileManager {

    /** The quadrant parameter that asks for the county view. */
    static final String ALL = "ALL";

    private final ProfileSources sources;
    private final Partnership partnership;
    private final PolicyDecisionPoint policy;
    private final AuditTrail audit;
    private final Clock clock;

    ProfileManager(ProfileSources sources, Partnership partnership, PolicyDecisionPoint policy, AuditTrail audit,
            Clock clock) {
        this.sources = sources;
        this.partnership = partnership;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** The profile of {@code quadrant} ({@code ALL} for the county) for the period. */
    ProfileResponse profile(HubPrincipal who, String quadrant, LocalDate from, LocalDate to) {
        ProfileResponse profile = build(who, quadrant, from, to, "profile.read");
        audited(who, "profile.read", profile, Map.of());
        return profile;
    }

    /** The profile as an export in {@code format} ({@code csv} or {@code pdf}), audited first. */
    ProfileResponse export(HubPrincipal who, String quadrant, LocalDate from, LocalDate to, String format) {
        ProfileResponse profile = build(who, quadrant, from, to, "profile.export");
        audited(who, "profile.export", profile, Map.of("format", format));
        return profile;
    }

    private ProfileResponse build(HubPrincipal who, String quadrant, LocalDate from, LocalDate to, String action) {
        ProfileScope scope;
        ProfilePeriod period;
        try {
            scope = scope(quadrant);
        } catch (InvalidRequestProblem e) {
            throw rejected(who, action, e);
        }
        if (scope.county()) {
            policy.check(who, Action.PROFILE_COUNTY_READ);
        } else {
            policy.check(who, Action.PROFILE_READ, scope.quadrants().get(0));
        }
        try {
            period = ProfilePeriod.of(from, to);
        } catch (InvalidRequestProblem e) {
            throw rejected(who, action, e);
        }
        ProfileData data = sources.gather(scope.quadrantSet(), period);
        return new ProfileCalculator(scope, period, data).compute(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }

    private ProfileScope scope(String quadrant) {
        if (quadrant == null || quadrant.isBlank()) {
            throw new InvalidRequestProblem("quadrant-required", "Give quadrant=MID, NORTH, SOUTH or WEST, or ALL for the county.",
                    Map.of("quadrant", "quadrant-required"));
        }
        if (ALL.equalsIgnoreCase(quadrant.trim())) {
            return ProfileScope.county(partnership);
        }
        Quadrant q = Quadrant.parse(quadrant).orElseThrow(() -> new InvalidRequestProblem("unknown-quadrant",
                "No such quadrant: the quadrants are MID, NORTH, SOUTH and WEST (or ALL for the county).",
                Map.of("quadrant", "unknown-quadrant")));
        return ProfileScope.quadrant(q, partnership);
    }

    private InvalidRequestProblem rejected(HubPrincipal who, String action, InvalidRequestProblem e) {
        audit.append(AuditEvent.of(who, action, AuditEvent.Outcome.REJECTED).with("reason", e.slug()));
        return e;
    }

    private void audited(HubPrincipal who, String action, ProfileResponse profile, Map<String, String> extra) {
        AuditEvent event = AuditEvent.of(who, action, AuditEvent.Outcome.SUCCESS, "profile:" + profile.scope())
                .with("from", profile.period().from().toString()).with("to", profile.period().to().toString());
        for (Map.Entry<String, String> e : extra.entrySet()) {
            event = event.with(e.getKey(), e.getValue());
        }
        audit.append(event);
    }
}
