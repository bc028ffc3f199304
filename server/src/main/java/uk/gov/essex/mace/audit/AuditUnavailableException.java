package uk.gov.essex.mace.audit;

/** The audit entry for an action could not be written, so the action must not happen. */
public class AuditUnavailableException extends RuntimeException {

    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
