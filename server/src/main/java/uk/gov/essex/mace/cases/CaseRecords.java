package uk.gov.essex.mace.cases;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;
import uk.gov.essex.mace.system.IdempotencyKeys;

/** What lawful handling asks of cases: closures for retention, erasure, and a projection for export. */
@Component
class CaseRecords implements CaseClosures, CaseErasure, CaseDisclosure {

    private final Cases cases;
    private final CaseProjection projection;
    private final PolicyDecisionPoint policy;
    private final IdempotencyKeys idempotency;

    CaseRecords(Cases cases, CaseProjection projection, PolicyDecisionPoint policy, IdempotencyKeys idempotency) {
        this.cases = cases;
        this.projection = projection;
        this.policy = policy;
        this.idempotency = idempotency;
    }

    @Override
    public List<ClosedCase> closed() {
        return cases.closed().stream().filter(c -> c.closedAt() != null).map(CaseRecords::closure).toList();
    }

    @Override
    public Optional<ClosedCase> closed(String caseId) {
        return cases.find(caseId).filter(c -> c.status() == CaseStatus.CLOSED && c.closedAt() != null)
                .map(CaseRecords::closure);
    }

    @Override
    public int eraseCase(String caseId) {
        // a retried open must not be answered with the id of a case that no longer exists
        idempotency.forget(List.of(caseId));
        return cases.delete(caseId) ? 1 : 0;
    }

    @Override
    public Optional<CaseResponse> disclose(HubPrincipal who, String caseId) {
        return cases.find(caseId)
                .filter(c -> policy.permits(who, Action.CASE_READ, CaseProjection.facts(c)))
                .map(projection::response);
    }

    private static ClosedCase closure(StoredCase c) {
        return new ClosedCase(c.id(), c.quadrant(), c.closedAt());
    }
}
