package uk.gov.essex.mace.intel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.partnership.Partnership;
import uk.gov.essex.mace.policy.CaseFacts;
import uk.gov.essex.mace.policy.Visibility;
import uk.gov.essex.mace.redaction.Redactor;
import uk.gov.essex.mace.redaction.Segment;
import uk.gov.essex.mace.redaction.TextPart;

/**
 * The one function that turns a stored item into what one viewer may see of it. Every channel
 * (API read, list, history, live frame, SDK) goes through {@link #project}; content the viewer may
 * not see is never decrypted.
 */
@Component
class IntelProjection {

    private final Redactor redactor;
    private final IntelContent content;
    private final Partnership partnership;

    IntelProjection(Redactor redactor, IntelContent content, Partnership partnership) {
        this.redactor = redactor;
        this.content = content;
        this.partnership = partnership;
    }

    /** The viewer's projection of the item's current revision; empty when they may not know it exists. */
    Optional<IntelItemResponse> project(HubPrincipal who, CaseFacts facts, StoredIntel item) {
        return project(who, facts, item, item.current());
    }

    Optional<IntelItemResponse> project(HubPrincipal who, CaseFacts facts, StoredIntel item, StoredIntel.Revision revision) {
        return project(who, facts, item, revision, Set.of());
    }

    /**
     * Whether {@code who} may know the item exists: the first decision {@link #project} makes, for
     * callers that need only that (a paging cursor), without opening anything.
     */
    boolean knowsOf(HubPrincipal who, CaseFacts facts, StoredIntel item) {
        return redactor.visibility(who, facts, item.label()) != Visibility.NOTHING;
    }

    /**
     * As {@link #project(HubPrincipal, CaseFacts, StoredIntel, StoredIntel.Revision)}, but content
     * under a label in {@code alsoWithheld} becomes a placeholder even where the viewer could read it
     * (a subject access export withholds source-protected material from its recipient). Such
     * placeholders only ever reach that export's own accounting.
     */
    Optional<IntelItemResponse> project(HubPrincipal who, CaseFacts facts, StoredIntel item, StoredIntel.Revision revision,
            Set<String> alsoWithheld) {
        Visibility visibility = redactor.visibility(who, facts, item.label(), alsoWithheld);
        if (visibility == Visibility.NOTHING) {
            return Optional.empty();
        }
        String caseId = item.caseId();
        String agencyName = partnership.agency(item.owningAgency()).map(a -> a.name()).orElse(item.owningAgency());
        String labelName = redactor.placeholder(item.label(), item.owningAgency()).labelName();
        IntelItemResponse.HandlingResponse handling = item.handlingCode() == null ? null
                : new IntelItemResponse.HandlingResponse(Grading.HandlingCode.valueOf(item.handlingCode()),
                        content.openText(caseId, item.id(), "conditions", 1, item.conditionsSealed()));
        if (visibility == Visibility.PLACEHOLDER) {
            return Optional.of(new IntelItemResponse(item.id(), caseId, revision.revision(),
                    item.status().name(), item.sharedAt(), item.marking(), item.label(), labelName,
                    item.owningAgency(), agencyName, redactor.placeholder(item.label(), item.owningAgency()), handling,
                    null, null, null, null, null, null, null, null, null, null, null));
        }
        List<TextPart> parts = redactor.redact(who, facts, segments(item, revision), item.owningAgency(), alsoWithheld);
        IntelItemResponse.WithdrawalResponse withdrawal = item.withdrawal() == null ? null
                : new IntelItemResponse.WithdrawalResponse(item.withdrawal().at(), item.withdrawal().by(),
                        content.openText(caseId, item.id(), "withdrawal-reason", 1, item.withdrawal().reasonSealed()));
        return Optional.of(new IntelItemResponse(item.id(), caseId, revision.revision(),
                item.status().name(), item.sharedAt(), item.marking(), item.label(), labelName,
                item.owningAgency(), agencyName, null, handling,
                item.author(), item.category(), item.observedAt(), revision.revisedAt(),
                Redactor.flatten(parts), parts,
                content.openPlace(caseId, item.id(), revision.revision(), revision.locationSealed()),
                content.openPersons(caseId, item.id(), revision.revision(), revision.personsSealed()),
                item.sourceEvaluation(),
                item.intelligenceAssessment() == null ? null : Grading.Assessment.valueOf(item.intelligenceAssessment()),
                withdrawal));
    }

    private List<Segment> segments(StoredIntel item, StoredIntel.Revision revision) {
        List<Segment> segments = new ArrayList<>(revision.parts().size());
        for (int i = 0; i < revision.parts().size(); i++) {
            int index = i;
            StoredIntel.Part part = revision.parts().get(i);
            segments.add(new Segment(part.label(),
                    () -> content.openPart(item.caseId(), item.id(), revision.revision(), index, part)));
        }
        return segments;
    }
}
