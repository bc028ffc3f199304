package uk.gov.essex.mace.audit.internal;

import java.time.Instant;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditUnavailableException;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.system.RequestContext;

/**
 * An entry waiting for the group commit, and its outcome. The outcome is written by whichever
 * thread wrote the batch holding the entry (its number under the trail's writer lock, the outcome
 * once the batch is durable) and published through the volatile {@link #done}, or for an
 * {@code appendBefore} entry through {@link #inserted} as soon as it is numbered (its caller makes
 * it durable itself, and it may never be marked done); the thread that appended it waits in
 * {@link #await}.
 */
final class PendingEntry {

    private final AuditEntry draft;
    private final Thread owner;
    /** Whether its caller goes on once the entry is inserted ({@code appendBefore}), not once durable. */
    private final boolean answeredWhenInserted;
    private volatile boolean inserted;
    private volatile boolean taken;
    private volatile boolean done;
    private long sequence;
    private AuditUnavailableException failure;

    PendingEntry(AuditEntry draft, boolean answeredWhenInserted) {
        this.draft = draft;
        this.owner = Thread.currentThread();
        this.answeredWhenInserted = answeredWhenInserted;
    }

    /**
     * The entry for {@code event}, taken on the caller's thread (the request id and address live
     * in its MDC). Strings are made well-formed so that what is hashed is what BSON stores.
     */
    static AuditEntry draft(AuditEvent event, Instant now) {
        HubPrincipal who = event.actor();
        AuditEntry.Actor actor = who == null
                ? null
                : new AuditEntry.Actor(
                        clean(who.subject()),
                        clean(who.agencyId()),
                        who.roles().stream().map(Enum::name).toList(),
                        clean(who.clientId()));
        TreeMap<String, String> details = new TreeMap<>();
        event.details().forEach((key, value) -> details.put(key(key), clean(value)));
        return new AuditEntry(
                0,
                now,
                actor,
                clean(event.action()),
                event.targets().stream().map(PendingEntry::clean).toList(),
                event.outcome().name(),
                clean(RequestContext.requestId()),
                clean(RequestContext.sourceAddress()),
                details);
    }

    AuditEntry draft() {
        return draft;
    }

    /** Taken into a batch by a leader, which will answer it: its caller need not lead. */
    void take() {
        this.taken = true;
    }

    boolean isTaken() {
        return taken;
    }

    /**
     * The number it was inserted at, published to its caller by {@link #succeed}, or at once to a
     * caller answered when it is inserted.
     */
    void number(long seq) {
        this.sequence = seq;
        if (answeredWhenInserted) {
            this.inserted = true;
            LockSupport.unpark(owner);
        }
    }

    boolean answeredWhenInserted() {
        return answeredWhenInserted;
    }

    /** Whether its caller may go on: done, or inserted for a caller that waits no longer than that. */
    boolean isAnswered() {
        return done || inserted;
    }

    void succeed() {
        this.done = true;
        LockSupport.unpark(owner);
    }

    void fail(AuditUnavailableException e) {
        this.failure = e;
        this.done = true;
        LockSupport.unpark(owner);
    }

    /** Wakes the appending thread without an outcome: it is to try to lead the next write. */
    void wake() {
        LockSupport.unpark(owner);
    }

    /**
     * Parks the appending thread until it is woken (its entry written, or its turn to lead) or
     * {@code nanos} pass; the caller re-checks either way. Returns whether an interrupt arrived,
     * clearing it: the entry may still be written, so the wait itself cannot be abandoned.
     */
    static boolean await(long nanos) {
        LockSupport.parkNanos(nanos);
        return Thread.interrupted();
    }

    long sequence() {
        if (failure != null) {
            throw failure;
        }
        return sequence;
    }

    /** Replaces unpaired surrogates, which UTF-8 (and so BSON) cannot carry, with U+FFFD. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(text.substring(0, i));
                }
                out.append('\uFFFD');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** Detail keys become BSON field names: no NUL, no leading {@code $}, no dot. */
    private static String key(String key) {
        if (key.isEmpty() || key.startsWith("$") || key.indexOf('.') >= 0 || key.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("audit detail key must be a plain name: " + key);
        }
        return clean(key);
    }
}
