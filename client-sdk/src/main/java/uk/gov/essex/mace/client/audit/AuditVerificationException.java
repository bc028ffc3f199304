package uk.gov.essex.mace.client.audit;

import uk.gov.essex.mace.client.HubException;

/**
 * The hub answered, but what it answered does not verify: a tree head whose signature fails, or
 * a trail that is not consistent with a head you kept. This is the alarm the audit design exists
 * for: keep both heads and the proof, and tell the partnership's information governance lead.
 */
public class AuditVerificationException extends HubException {

    private static final long serialVersionUID = 1L;

    /** The problem type of every verification failure. */
    public static final String TYPE = "urn:mace-hub-sdk:problem:audit-verification-failed";

    public AuditVerificationException(String detail) {
        super(200, TYPE, "Audit verification failed", detail, null, null, null);
    }
}
