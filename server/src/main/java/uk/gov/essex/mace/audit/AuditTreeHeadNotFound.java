package uk.gov.essex.mace.audit;

/** No signed tree head exists yet (or none of the size asked for); maps to 404 problem+json. */
public class AuditTreeHeadNotFound extends RuntimeException {

    public AuditTreeHeadNotFound(String message) {
        super(message);
    }
}
