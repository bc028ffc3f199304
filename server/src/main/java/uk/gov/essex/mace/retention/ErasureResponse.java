package uk.gov.essex.mace.retention;

import java.time.Instant;

/**
 * That an approved erasure happened, under which schedule; the case's data key was destroyed. How
 * many records of each kind went is in the audit trail's {@code case.erased} entry only, for
 * auditors: the approver may not see every record of the case (a source-protected item withholds
 * even its count), so a count here would tell them one existed.
 */
public record ErasureResponse(String caseId, String schedule, boolean dataKeyDestroyed, Instant erasedAt) {}
