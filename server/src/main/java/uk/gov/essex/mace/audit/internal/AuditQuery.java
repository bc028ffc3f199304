package uk.gov.essex.mace.audit.internal;

import java.time.Instant;
import uk.gov.essex.mace.audit.InvalidAuditQuery;

/**
 * Which entries an auditor asks for. Every filter is optional; results come in sequence order,
 * either after a cursor ({@code afterSeq}) or by page number.
 *
 * @param caseId entries that name this id among their targets
 * @param actor entries by this subject
 * @param agency entries by callers acting for this agency
 * @param action entries with this action, for example {@code case.read}
 * @param from entries at or after this time
 * @param to entries before this time
 * @param afterSeq only entries with a larger sequence number (cursor paging), or {@code null}
 * @param page 0-based page number, ignored with a cursor
 * @param size page size, 1 to {@value #MAX_SIZE}
 */
public record AuditQuery(
        String caseId,
        String actor,
        String agency,
        String action,
        Instant from,
        Instant to,
        Long afterSeq,
        int page,
        int size) {

    public static final int MAX_SIZE = 1000;

    public AuditQuery {
        if (page < 0) {
            throw new InvalidAuditQuery("page must not be negative");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidAuditQuery("size must be between 1 and " + MAX_SIZE);
        }
        if (afterSeq != null && afterSeq < -1) {
            throw new InvalidAuditQuery("afterSeq must be -1 or more");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidAuditQuery("from must be before to");
        }
    }

    /** All entries matching the filters, for an export. */
    public AuditQuery unpaged() {
        return new AuditQuery(caseId, actor, agency, action, from, to, null, 0, MAX_SIZE);
    }
}
