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
}
