package uk.gov.essex.mace.audit.internal;

import org.springframework.stereotype.Component;

/**
 * Finds where the trail ends: the first sequence number with no entry. Entries fill 0..n-1 with
 * no holes, so existence is monotone and a galloping then binary search needs O(log n) point
 * lookups, where asking for the largest {@code _id} can cost a full scan on the embedded store.
 */
@Component
public class TrailEnd {

    private final AuditEntries entries;
    private final TreeHeads heads;

    public TrailEnd(AuditEntries entries, TreeHeads heads) {
        this.entries = entries;
        this.heads = heads;
    }

    /**
     * The first free number at or after the latest signed head: never below it, so an entry that
     * someone deleted from signed history is reported as deleted rather than silently refilled.
     */
    long firstFree() {
        return firstFreeFrom(heads.latest().map(SignedTreeHead::treeSize).orElse(0L));
    }

    /** The first free number at or after {@code from}. */
    long firstFreeFrom(long from) {
        if (!entries.exists(from)) {
            return from;
        }
        long taken = from;
        long step = 1;
        while (entries.exists(from + step)) {
            taken = from + step;
            step <<= 1;
        }
        long free = from + step;
        while (free - taken > 1) {
            long middle = taken + (free - taken) / 2;
            if (entries.exists(middle)) {
                taken = middle;
            } else {
                free = middle;
            }
        }
        return free;
    }
}
