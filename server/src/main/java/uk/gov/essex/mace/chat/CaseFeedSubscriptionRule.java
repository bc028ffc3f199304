package uk.gov.essex.mace.chat;

import org.springframework.stereotype.Component;
import uk.gov.essex.mace.cases.CaseLookup;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.live.SubscriptionRule;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;

/**
 * Opens a case's feed to those the policy decision point lets read the case, at the moment of
 * subscribing (and each item is decided again, per viewer, when it is delivered). A refusal ends
 * the session and is audited by the live channel with the destination.
 */
@Component
class CaseFeedSubscriptionRule implements SubscriptionRule {

    private final CaseLookup cases;
    private final PolicyDecisionPoint policy;

    CaseFeedSubscriptionRule(CaseLookup cases, PolicyDecisionPoint policy) {
        this.cases = cases;
        this.policy = policy;
    }

    @Override
    public boolean permits(HubPrincipal who, String destination) {
        return CaseFeedDestinations.caseIdOf(destination)
                .flatMap(cases::facts)
                .map(facts -> policy.permits(who, Action.CASE_READ, facts))
                .orElse(false);
    }

    @Override
    public java.util.List<String> destinations() {
        return java.util.List.of("/user/queue/cases/{caseId}");
    }
}
