package uk.gov.essex.mace.policy;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.partnership.AgencyType;
import uk.gov.essex.mace.partnership.Quadrant;
import uk.gov.essex.mace.partnership.Role;
import uk.gov.essex.mace.partnership.SharingAgreements;

/**
 * The one place that decides every read and write, from the caller's agency, roles and quadrants,
 * the case's membership and quadrant, and (later) an item's handling label.
 *
 * <p>{@link #permits} answers quietly (to filter lists); {@link #check} audits a denial and throws
 * {@link AccessDeniedProblem}. No endpoint, subscription, export or notification decides access on
 * its own.
 */
@Component
public class PolicyDecisionPoint {

    /** Roles that may work with case content when their agency is a member. */
    private static final Set<Role> CASE_WORKER_ROLES = EnumSet.of(
            Role.PRACTITIONER,
            Role.POLICE_INTELLIGENCE,
            Role.HEALTH_SAFEGUARDING_LEAD,
            Role.DISRUPTION_OFFICER,
            Role.PARTNER_SYSTEM);

    /** Roles with oversight of every case in the quadrants they cover. */
    private static final Set<Role> QUADRANT_OVERSIGHT_ROLES = EnumSet.of(Role.MACE_COORDINATOR, Role.MACE_CHAIR);

    /** Agencies that report and close missing episodes (the seed's missing-from-home duties). */
    private static final Set<AgencyType> MISSING_EPISODE_AGENCIES =
            EnumSet.of(AgencyType.POLICE, AgencyType.CHILDRENS_SOCIAL_CARE);

    /** Separation of duties: holders of these roles never read case content. */
    private static final Set<Role> NO_CONTENT_ROLES = EnumSet.of(Role.ADMIN, Role.AUDITOR);

    /** Agencies whose regulatory and enforcement powers disrupt exploitation at places (the seed's DCs and CSPs). */
    private static final Set<AgencyType> DISRUPTION_AGENCIES = EnumSet.of(AgencyType.DISTRICT_COUNCIL, AgencyType.CSP);

    /** Who reads the MACE Part 2 problem profile of a quadrant: pseudonymised aggregates only. */
    private static final Set<Role> PROFILE_READER_ROLES =
            EnumSet.of(Role.ANALYST, Role.STAY_SAFE_LEAD, Role.MACE_CHAIR, Role.MACE_COORDINATOR);

    /** Who records a quadrant's Part 2 meeting and the themes it shares with Stay Safe groups. */
    private static final Set<Role> PROFILE_MEETING_ROLES =
            EnumSet.of(Role.MACE_CHAIR, Role.MACE_COORDINATOR, Role.STAY_SAFE_LEAD);

    private final AuditTrail audit;
    private final SharingAgreements agreements;

    public PolicyDecisionPoint(AuditTrail audit, SharingAgreements agreements) {
        this.audit = audit;
        this.agreements = agreements;
    }

    /**
     * What {@code who} may see of content under {@code label} on the case: the one rule every
     * projection (API, list, export, live frame, SDK) is built from. A viewer who may not read the
     * case at all sees nothing.
     */
    public Visibility visibility(HubPrincipal who, CaseFacts facts, HandlingLabel label) {
        if (!permits(who, Action.CASE_READ, facts)) {
            return Visibility.NOTHING;
        }
        boolean member = facts.memberAgencies().contains(who.agencyId());
        boolean admitted = Labels.admits(label, who.agencyType(), who.roles())
                && (!label.requiresMembership() || member);
        if (admitted) {
            return Visibility.FULL;
        }
        return label.withheld() == HandlingLabel.Withheld.NOTHING ? Visibility.NOTHING : Visibility.PLACEHOLDER;
    }

    /** Decides whether {@code who} may edit or withdraw an item: only its author, while they may still read the case. */
    public Decision decideAuthorChange(HubPrincipal who, CaseFacts facts, String author) {
        Decision read = decide(who, Action.CASE_READ, facts);
        if (!read.permitted()) {
            return read;
        }
        return who.subject().equals(author) ? Decision.permit("author") : Decision.deny("not-the-author");
    }

    /** Decides whether {@code who} may open a case for a child in {@code quadrant}. */
    public Decision decideOpen(HubPrincipal who, Quadrant quadrant) {
        if (holdsAny(who, NO_CONTENT_ROLES)) {
            return Decision.deny("separation-of-duties");
        }
        if (!holdsAny(who, CASE_WORKER_ROLES) && !holdsAny(who, QUADRANT_OVERSIGHT_ROLES)) {
            return Decision.deny("role-may-not-open-cases");
        }
        if (!sharesUnderAgreement(who)) {
            return Decision.deny("no-sharing-agreement");
        }
        if (!who.covers(quadrant)) {
            return Decision.deny("wrong-quadrant");
        }
        return Decision.permit("covers-quadrant");
    }

    /** Decides a case-level action for {@code who} on the case described by {@code facts}. */
    public Decision decide(HubPrincipal who, Action action, CaseFacts facts) {
        if (holdsAny(who, NO_CONTENT_ROLES)) {
            return Decision.deny("separation-of-duties");
        }
        if (!sharesUnderAgreement(who)) {
            return Decision.deny("no-sharing-agreement");
        }
        boolean oversight = holdsAny(who, QUADRANT_OVERSIGHT_ROLES) && who.covers(facts.quadrant());
        boolean member = holdsAny(who, CASE_WORKER_ROLES) && facts.memberAgencies().contains(who.agencyId());
        boolean chair = who.hasRole(Role.MACE_CHAIR) && who.covers(facts.quadrant());
        boolean agencyMember = facts.memberAgencies().contains(who.agencyId());
        return switch (action) {
            case CASE_READ, CASE_MEMBERS_CHANGE, INTEL_SHARE, RISK_RECORD, ALERT_READ -> oversight
                    ? Decision.permit("quadrant-oversight")
                    : member ? Decision.permit("member-agency") : Decision.deny("not-a-member");
            case MISSING_EPISODE_RECORD -> !MISSING_EPISODE_AGENCIES.contains(who.agencyType())
                    ? Decision.deny("agency-may-not-record-missing-episodes")
                    : oversight ? Decision.permit("quadrant-oversight")
                    : member ? Decision.permit("member-agency") : Decision.deny("not-a-member");
            case ALERT_MANAGE, CASE_CLOSE -> oversight
                    ? Decision.permit("quadrant-oversight") : Decision.deny("not-quadrant-oversight");
            // Holds arise from criminal proceedings (the police, with their disclosure duties) and from
            // the partnership's own reviews and inquiries (the chair).
            case LEGAL_HOLD_MANAGE -> chair ? Decision.permit("quadrant-chair")
                    : who.agencyType() == AgencyType.POLICE && who.hasRole(Role.POLICE_INTELLIGENCE) && agencyMember
                    ? Decision.permit("member-police-intelligence") : Decision.deny("may-not-manage-legal-holds");
            // The local authority answers a child's subject access request for the partnership's
            // safeguarding record; the chair has oversight of every case in the quadrant.
            case SUBJECT_ACCESS_EXPORT -> chair ? Decision.permit("quadrant-chair")
                    : who.agencyType() == AgencyType.CHILDRENS_SOCIAL_CARE && who.hasRole(Role.PRACTITIONER) && agencyMember
                    ? Decision.permit("member-childrens-social-care") : Decision.deny("may-not-export-subject-access");
            default -> Decision.deny("not-a-case-action");
        };
    }

    /**
     * Decides an action on a quadrant as a whole: its MACE Part 1 meetings, disruption updates and
     * Part 2 profile and meetings. Every one of them shares or receives partnership information, so
     * none is open to an agency without an agreement in force (not even reading back updates it
     * posted itself: the list is the quadrant's, built from every partner's posts).
     */
    public Decision decide(HubPrincipal who, Action action, Quadrant quadrant) {
        if (holdsAny(who, NO_CONTENT_ROLES)) {
            return Decision.deny("separation-of-duties");
        }
        if (!sharesUnderAgreement(who)) {
            return Decision.deny("no-sharing-agreement");
        }
        if (!who.covers(quadrant)) {
            return Decision.deny("wrong-quadrant");
        }
        return switch (action) {
            case MEETING_MANAGE -> holdsAny(who, QUADRANT_OVERSIGHT_ROLES)
                    ? Decision.permit("quadrant-oversight")
                    : Decision.deny("not-quadrant-oversight");
            case MEETING_READ -> holdsAny(who, QUADRANT_OVERSIGHT_ROLES) || holdsAny(who, CASE_WORKER_ROLES)
                    ? Decision.permit("covers-quadrant")
                    : Decision.deny("role-may-not-read-meetings");
            case DISRUPTION_POST -> mayPostDisruption(who)
                    ? Decision.permit("disruption-partner")
                    : Decision.deny("not-a-disruption-partner");
            case DISRUPTION_READ -> holdsAny(who, QUADRANT_OVERSIGHT_ROLES) || holdsAny(who, CASE_WORKER_ROLES)
                    ? Decision.permit("covers-quadrant")
                    : Decision.deny("role-may-not-read-disruptions");
            case PROFILE_READ -> holdsAny(who, PROFILE_READER_ROLES)
                    ? Decision.permit("profile-reader")
                    : Decision.deny("not-a-profile-reader");
            case PROFILE_MEETING_RECORD -> holdsAny(who, PROFILE_MEETING_ROLES)
                    ? Decision.permit("part2-organiser")
                    : Decision.deny("not-a-part2-organiser");
            default -> Decision.deny("not-a-quadrant-action");
        };
    }

    /**
     * Decides a records-management action on a case, or on a month of disruption updates, in
     * {@code quadrant}: what it sees is ids, dates, counts and schedule names, never content, so ADMIN may list and propose; approving an erasure destroys
     * safeguarding records for good, so it rests with the MACE chair accountable for the quadrant's
     * cases, who can read a case before deciding (ADMIN, by separation of duties, cannot).
     *
     * <p>Needs no sharing agreement: reviewing and erasing what the hub holds is not sharing, and a
     * lapsed agreement must not keep records past their schedule (reading the case first still does).
     */
    public Decision decideRetention(HubPrincipal who, Action action, Quadrant quadrant) {
        boolean chair = who.hasRole(Role.MACE_CHAIR) && who.covers(quadrant);
        return switch (action) {
            case RETENTION_REVIEW -> who.hasRole(Role.ADMIN) ? Decision.permit("records-administrator")
                    : chair ? Decision.permit("quadrant-chair") : Decision.deny("not-admin-or-chair");
            case ERASURE_APPROVE -> chair ? Decision.permit("quadrant-chair")
                    : Decision.deny(who.hasRole(Role.ADMIN) ? "separation-of-duties" : "not-quadrant-chair");
            default -> Decision.deny("not-a-retention-action");
        };
    }

    /** Decides an action that concerns no case (audit trail, administration). */
    public Decision decide(HubPrincipal who, Action action) {
        return switch (action) {
            // No agreement needed: accountability for the hub (ids only, no content) outlives any partner's agreement.
            case AUDIT_READ -> who.hasRole(Role.AUDITOR) || who.hasRole(Role.ADMIN)
                    ? Decision.permit("auditor")
                    : Decision.deny("not-an-auditor");
            // No agreement needed: administering partner clients shares nothing.
            case ADMINISTER -> who.hasRole(Role.ADMIN) ? Decision.permit("admin") : Decision.deny("not-an-admin");
            // No agreement needed: metrics name no case, person or agency's content.
            case METRICS_READ -> who.hasRole(Role.ADMIN) ? Decision.permit("admin") : Decision.deny("not-an-admin");
            // No agreement needed: counts only, housekeeping that keeps alerts and schedules current.
            case MACE_RE_EVALUATE, RETENTION_REVIEW -> who.hasRole(Role.ADMIN) || who.hasRole(Role.MACE_CHAIR)
                    ? Decision.permit("admin-or-chair")
                    : Decision.deny("not-admin-or-chair");
            case PROFILE_COUNTY_READ -> decideCountyProfile(who);
            default -> Decision.deny("needs-a-case");
        };
    }

    /**
     * What {@code who} may see of a record that belongs to a quadrant rather than to a case (a
     * disruption update about a place), under {@code label}. Its audience is whoever may take
     * {@code readAction} on the quadrant; a label that requires case membership admits only the
     * record's owning agency, since the record has no case.
     */
    public Visibility visibility(HubPrincipal who, Action readAction, Quadrant quadrant, String owningAgency,
            HandlingLabel label) {
        if (!permits(who, readAction, quadrant)) {
            return Visibility.NOTHING;
        }
        boolean admitted = Labels.admits(label, who.agencyType(), who.roles())
                && (!label.requiresMembership() || who.agencyId().equals(owningAgency));
        if (admitted) {
            return Visibility.FULL;
        }
        return label.withheld() == HandlingLabel.Withheld.NOTHING ? Visibility.NOTHING : Visibility.PLACEHOLDER;
    }

    /** True when {@code who} may take {@code action} on the case; audits nothing. */
    public boolean permits(HubPrincipal who, Action action, CaseFacts facts) {
        return decide(who, action, facts).permitted();
    }

    /** Enforces a case-level decision: audits and throws when denied. */
    public void check(HubPrincipal who, Action action, CaseFacts facts) {
        enforce(who, action, decide(who, action, facts), facts.caseId());
    }

    /** True when {@code who} may take {@code action} on the quadrant; audits nothing. */
    public boolean permits(HubPrincipal who, Action action, Quadrant quadrant) {
        return decide(who, action, quadrant).permitted();
    }

    /** Enforces a quadrant-level decision: audits and throws when denied. */
    public void check(HubPrincipal who, Action action, Quadrant quadrant) {
        enforce(who, action, decide(who, action, quadrant), "quadrant:" + quadrant.name());
    }

    /** Enforces a decision that concerns no case: audits and throws when denied. */
    public void check(HubPrincipal who, Action action) {
        enforce(who, action, decide(who, action));
    }

    /** Enforces an already-taken decision: audits and throws when it is a denial. */
    public void enforce(HubPrincipal who, Action action, Decision decision, String... targets) {
        if (!decision.permitted()) {
            audit.append(AuditEvent.of(who, "access.denied", AuditEvent.Outcome.DENIED, targets)
                    .with("action", action.name())
                    .with("reason", decision.reason()));
            throw new AccessDeniedProblem(decision.reason());
        }
    }

    /** Police officers and systems, and the disruption officers and systems of district councils and CSPs. */
    private static boolean mayPostDisruption(HubPrincipal who) {
        if (who.agencyType() == AgencyType.POLICE) {
            return who.hasRole(Role.PRACTITIONER) || who.hasRole(Role.POLICE_INTELLIGENCE) || who.hasRole(Role.PARTNER_SYSTEM);
        }
        return DISRUPTION_AGENCIES.contains(who.agencyType())
                && (who.hasRole(Role.DISRUPTION_OFFICER) || who.hasRole(Role.PARTNER_SYSTEM));
    }

    /** The Sub-Committee, or a profile reader who covers all four quadrants. */
    private Decision decideCountyProfile(HubPrincipal who) {
        if (holdsAny(who, NO_CONTENT_ROLES)) {
            return Decision.deny("separation-of-duties");
        }
        // The county profile is built from every partner's records: receiving it is receiving shares.
        if (!sharesUnderAgreement(who)) {
            return Decision.deny("no-sharing-agreement");
        }
        if (who.hasRole(Role.SUBCOMMITTEE)) {
            return Decision.permit("subcommittee");
        }
        boolean everyQuadrant = who.quadrants().containsAll(EnumSet.allOf(Quadrant.class));
        return holdsAny(who, PROFILE_READER_ROLES) && everyQuadrant
                ? Decision.permit("covers-every-quadrant")
                : Decision.deny("not-county-wide");
    }

    /** Whoever acts for an agency shares and receives under its information sharing agreement, in force today. */
    private boolean sharesUnderAgreement(HubPrincipal who) {
        return agreements.isActive(who.agencyId());
    }

    private static boolean holdsAny(HubPrincipal who, Set<Role> roles) {
        return who.roles().stream().anyMatch(roles::contains);
    }
}
