package uk.gov.essex.mace.audit.web;

import java.util.List;

/**
 * A page of entries in sequence order.
 *
 * @param nextAfterSeq pass as {@code afterSeq} for the next page, or {@code null} on the last
 */
record AuditEntriesResponse(List<AuditEntryResponse> entries, int page, int size, Long nextAfterSeq) {}
