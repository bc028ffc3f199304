package uk.gov.essex.mace.intel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.policy.CaseFacts;
import uk.gov.essex.mace.storage.Sequences;
import uk.gov.essex.mace.system.IdempotencyKeys;

/** A case's intelligence as lawful handling needs it: disclosed for subject access, erased at the end of retention. */
@Component
class IntelCaseRecords implements IntelErasure, IntelDisclosure {

    private final IntelItems items;
    private final IntelProjection projection;
    private final Sequences sequences;
    private final IdempotencyKeys idempotency;

    IntelCaseRecords(IntelItems items, IntelProjection projection, Sequences sequences, IdempotencyKeys idempotency) {
        this.items = items;
        this.projection = projection;
        this.sequences = sequences;
        this.idempotency = idempotency;
    }

    @Override
    public List<IntelItemResponse> disclose(HubPrincipal who, CaseFacts facts, Set<String> alsoWithheld) {
        List<IntelItemResponse> views = new ArrayList<>();
        for (StoredIntel item : items.ofCase(facts.caseId())) {
            for (StoredIntel.Revision revision : item.revisions()) {
                projection.project(who, facts, item, revision, Set.copyOf(alsoWithheld)).ifPresent(views::add);
            }
        }
        return List.copyOf(views);
    }

    @Override
    public int eraseCase(String caseId) {
        List<String> ids = items.ofCase(caseId).stream().map(StoredIntel::id).toList();
        idempotency.forget(ids);
        long removed = items.deleteCase(caseId);
        sequences.remove("intel:" + caseId);
        return Math.toIntExact(removed);
    }
}
