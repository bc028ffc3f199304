package uk.gov.essex.mace.cases;

/**
 * Removes a case's own document (the sealed identity of the child, its blind index, membership and
 * dates) when the case is erased at the end of its retention. Called by {@code retention} only,
 * after the erasure was proposed and approved.
 */
public interface CaseErasure {

    /**
     * Deletes the case document (and the idempotency record of the request that opened it); returns
     * how many case documents were removed (0 when it is already gone).
     */
    int eraseCase(String caseId);
}
