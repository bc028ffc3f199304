package uk.gov.essex.mace.audit;

/**
 * A request to the audit API that cannot be answered as asked: a bad filter, page size, sequence
 * number or tree size. Changes nothing; maps to 400 problem+json.
 */
public class InvalidAuditQuery extends IllegalArgumentException {

    public InvalidAuditQuery(String message) {
        super(message);
    }
}
