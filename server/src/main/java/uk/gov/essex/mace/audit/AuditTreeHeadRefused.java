package uk.gov.essex.mace.audit;

/**
 * The hub refused to sign a new tree head because the stored entries no longer hash to the latest
 * signed one: signing would bless a rewritten history. Run the verifier to find the first bad
 * entry. Maps to 409 problem+json.
 */
public class AuditTreeHeadRefused extends RuntimeException {

    public AuditTreeHeadRefused(String message) {
        super(message);
    }
}
