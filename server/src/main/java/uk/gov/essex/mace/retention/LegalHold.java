package uk.gov.essex.mace.retention;

import java.time.Instant;

/**
 * A case's legal hold as stored (its latest one): while {@code active}, the case is never erased.
 * The reasons are free text, so they are sealed with the case's data key, bound to the hold.
 *
 * @param holdId a fresh id per placement; binds the sealed reasons to this hold
 */
record LegalHold(
        String caseId,
        String holdId,
        boolean active,
        byte[] reasonSealed,
        String placedBy,
        String placedByAgency,
        Instant placedAt,
        byte[] liftReasonSealed,
        String liftedBy,
        String liftedByAgency,
        Instant liftedAt) {}
