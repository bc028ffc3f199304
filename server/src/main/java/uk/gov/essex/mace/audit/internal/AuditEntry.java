package uk.gov.essex.mace.audit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One stored audit entry: the leaf of the Merkle tree at index {@code seq}. Holds ids and codes,
 * never case content.
 *
 * @param seq 0-based leaf index, also the document {@code _id}
 * @param time when the action was recorded, to the millisecond (what BSON dates keep)
 * @param actor who acted, or {@code null} for the hub itself or an unauthenticated caller
 * @param action what was done, for example {@code case.read}
 * @param targets ids of the records acted on, in the caller's order (case id first)
 * @param outcome how it ended ({@code SUCCESS}, {@code DENIED}, ...)
 * @param requestId the request id, or {@code null} outside a request
 * @param sourceAddress the caller's address, or {@code null} outside a request
 * @param details non-content facts, sorted by key so that no map order leaks into the hash
 */
public record AuditEntry(
        long seq,
        Instant time,
        Actor actor,
        String action,
        List<String> targets,
        String outcome,
        String requestId,
        String sourceAddress,
        SortedMap<String, String> details) {

    public AuditEntry {
        if (seq < 0) {
            throw new IllegalArgumentException("seq must not be negative");
        }
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        time = Instant.ofEpochMilli(time.toEpochMilli());
        targets = List.copyOf(targets);
        details = Collections.unmodifiableSortedMap(new TreeMap<>(details));
    }

    /** The same entry at another position, for an append that lost the race for {@code seq}. */
    public AuditEntry at(long newSeq) {
        return new AuditEntry(newSeq, time, actor, action, targets, outcome, requestId, sourceAddress, details);
    }

    /**
     * Who acted, as far as the trail needs it.
     *
     * @param subject token subject (user name or client id)
     * @param agency the agency id the caller acted for
     * @param roles role names, sorted
     * @param clientId the OAuth2 client that obtained the token
     */
    public record Actor(String subject, String agency, List<String> roles, String clientId) {

        public Actor {
            List<String> sorted = new ArrayList<>(roles);
            Collections.sort(sorted);
            roles = Collections.unmodifiableList(sorted);
        }
    }
}
