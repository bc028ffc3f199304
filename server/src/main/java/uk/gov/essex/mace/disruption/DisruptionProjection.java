package uk.gov.essex.mace.disruption;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.cases.CaseLookup;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.partnership.Partnership;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.policy.CaseFacts;
import uk.gov.essex.mace.policy.HandlingLabel;
import uk.gov.essex.mace.policy.Labels;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;
import uk.gov.essex.mace.policy.Visibility;
import uk.gov.essex.mace.redaction.Redactor;
import uk.gov.essex.mace.redaction.WithheldResponse;

/**
 * The one function that turns a stored update into what one viewer may see of it, for every
 * channel (read, list, a case's timeline). The viewer's visibility is the widest the policy
 * decision point grants through either audience: the MACE membership of the place's quadrant, or
 * the readers of a linked case. Content the viewer may not see is never decrypted.
 */
@Component
class DisruptionProjection {

    private final PolicyDecisionPoint policy;
    private final Labels labels;
    private final CaseLookup cases;
    private final Redactor redactor;
    private final DisruptionContent content;
    private final Partnership partnership;

    DisruptionProjection(PolicyDecisionPoint policy, Labels labels, CaseLookup cases, Redactor redactor,
            DisruptionContent content, Partnership partnership) {
        this.policy = policy;
        this.labels = labels;
        this.cases = cases;
        this.redactor = redactor;
        this.content = content;
        this.partnership = partnership;
    }

    /** The viewer's projection; empty when they may not know the update exists. */
    Optional<DisruptionResponse> project(HubPrincipal who, StoredDisruption d) {
        Visibility visibility = visibility(who, d);
        if (visibility == Visibility.NOTHING) {
            return Optional.empty();
        }
        WithheldResponse placeholder = redactor.placeholder(d.label(), d.owningAgency());
        String agencyName = partnership.agency(d.owningAgency()).map(a -> a.name()).orElse(d.owningAgency());
        if (visibility == Visibility.PLACEHOLDER) {
            return Optional.of(new DisruptionResponse(d.id(), d.postedAt(), d.quadrant(), d.marking(), d.label(),
                    placeholder.labelName(), d.owningAgency(), agencyName, placeholder,
                    null, null, null, null, null, null, null));
        }
        List<String> readableCases = d.linkedCaseIds().stream().filter(id -> mayReadCase(who, id)).toList();
        return Optional.of(new DisruptionResponse(d.id(), d.postedAt(), d.quadrant(), d.marking(), d.label(),
                placeholder.labelName(), d.owningAgency(), agencyName, null,
                d.type(), d.date(), content.openPlace(d), content.openText(d, "outcome", d.outcomeSealed()),
                content.openText(d, "text", d.textSealed()), readableCases, d.author()));
    }

    private Visibility visibility(HubPrincipal who, StoredDisruption d) {
        HandlingLabel label = labels.get(d.label());
        Visibility best = policy.visibility(who, Action.DISRUPTION_READ, d.quadrant(), d.owningAgency(), label);
        for (String caseId : d.linkedCaseIds()) {
            if (best == Visibility.FULL) {
                break;
            }
            Optional<CaseFacts> facts = cases.facts(caseId);
            if (facts.isPresent()) {
                best = wider(best, policy.visibility(who, facts.get(), label));
            }
        }
        return best;
    }

    private boolean mayReadCase(HubPrincipal who, String caseId) {
        return cases.facts(caseId).map(f -> policy.permits(who, Action.CASE_READ, f)).orElse(false);
    }

    private static Visibility wider(Visibility a, Visibility b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
