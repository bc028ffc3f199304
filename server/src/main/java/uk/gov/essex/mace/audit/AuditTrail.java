package uk.gov.essex.mace.audit;

/**
 * The one way any feature records what happened. Entries hold ids and outcomes, never case
 * content, so the trail can leak nothing that redaction hides.
 *
 * <p>Fail closed: when the entry cannot be written, {@link #append} throws
 * {@link AuditUnavailableException} and the caller must not carry out (or acknowledge) the action.
 */
public interface AuditTrail {

    /**
     * Appends one entry and returns its sequence number once it is durable.
     *
     * @throws AuditUnavailableException when the entry could not be written
     */
    long append(AuditEvent event);

    /**
     * Appends the entry for a change, then makes the change, and returns the change's result once
     * both are durable: for a change that must never outlive a killed process without its entry.
     * A kill between the two leaves at worst an entry for a change that was not made (an extra
     * entry, never a missing one). The change is best written without a commit wait of its own
     * ({@code j: false}, see {@code storage.Unjournaled}): one wait here covers both.
     *
     * @throws AuditUnavailableException when the entry could not be written (the change is then
     *     not made), or when the entry and the change could not be made durable (the change is
     *     then applied, but its caller must treat it as failed)
     */
    <T> T appendBefore(AuditEvent event, java.util.function.Supplier<T> change);

    /**
     * After an {@link #appendBefore} whose change failed: the change may still have been applied
     * (a write error can come after the write), so {@code undo} takes it back, and {@code failed}
     * is appended with the reason {@code not-stored}, or {@code outcome-unknown} if the undo
     * failed too. Returns {@code cause} to throw, with any further failure added to it.
     */
    default RuntimeException takenBack(AuditEvent failed, Runnable undo, RuntimeException cause) {
        String reason = "not-stored";
        try {
            undo.run();
        } catch (RuntimeException e) {
            reason = "outcome-unknown";
            cause.addSuppressed(e);
        }
        try {
            append(failed.with("reason", reason));
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
        return cause;
    }

    /**
     * {@link #appendBefore} for a new record under a fresh id, which only this call can have
     * written: when the entry and the record cannot be made durable, or the insert fails,
     * {@code delete} takes the record back (for a failed insert, {@link #takenBack} says so).
     */
    default <T> T appendBeforeCreate(AuditEvent entry, java.util.function.Supplier<T> create, Runnable delete) {
        try {
            return appendBefore(entry, create);
        } catch (AuditUnavailableException e) {
            try {
                delete.run(); // harmless when the entry failed and nothing was inserted
            } catch (RuntimeException deleteFailed) {
                e.addSuppressed(deleteFailed);
            }
            throw e;
        } catch (RuntimeException e) {
            throw takenBack(failed(entry), delete, e);
        }
    }

    /**
     * {@link #appendBefore} for a conditional change to an existing record, empty when its
     * condition no longer held (someone changed the record in between; the caller then appends
     * the entry that says so). When the entry and an applied change cannot be made durable,
     * {@code undo} is given what the change stored and takes it back, only while the record is
     * still as the change left it, answering whether it did (a later change on top of it must
     * stand, and that is logged, with the entry's action and ids); on a write error that
     * does not say whether the change was applied, nothing is undone ({@link #outcomeUnknown}).
     */
    default <T> java.util.Optional<T> appendBeforeChange(AuditEvent entry, java.util.function.Supplier<java.util.Optional<T>> change,
            java.util.function.Predicate<T> undo) {
        java.util.concurrent.atomic.AtomicReference<T> applied = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            return appendBefore(entry, () -> {
                java.util.Optional<T> result = change.get();
                result.ifPresent(applied::set);
                return result;
            });
        } catch (AuditUnavailableException e) {
            if (applied.get() != null) {
                try {
                    // ours, applied, but not known to be durable with its entry
                    if (!undo.test(applied.get())) {
                        org.slf4j.LoggerFactory.getLogger(AuditTrail.class).warn(
                                "{} on {} was changed again before it could be undone; the later change stands",
                                entry.action(), entry.targets());
                    }
                } catch (RuntimeException undoFailed) {
                    e.addSuppressed(undoFailed);
                }
            }
            throw e;
        } catch (RuntimeException e) {
            throw outcomeUnknown(failed(entry), e);
        }
    }

    /** The entry that says {@code entry}'s change did not happen: same actor, action and targets. */
    private static AuditEvent failed(AuditEvent entry) {
        return new AuditEvent(entry.actor(), entry.action(), entry.targets(), AuditEvent.Outcome.FAILED, java.util.Map.of());
    }

    /**
     * After an {@link #appendBefore} whose conditional change failed with an error that does not
     * say whether it was applied: nothing is undone (putting the old state back could overwrite
     * someone else's change), and {@code failed} is appended with the reason
     * {@code outcome-unknown}. Returns {@code cause} to throw, with any further failure added to it.
     */
    default RuntimeException outcomeUnknown(AuditEvent failed, RuntimeException cause) {
        try {
            append(failed.with("reason", "outcome-unknown"));
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
        return cause;
    }
}
