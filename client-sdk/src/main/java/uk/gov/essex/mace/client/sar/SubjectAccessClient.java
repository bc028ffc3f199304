package uk.gov.essex.mace.client.sar;

import static uk.gov.essex.mace.client.internal.HubRequest.segment;

import uk.gov.essex.mace.client.internal.HubHttp;
import uk.gov.essex.mace.client.internal.HubRequest;

/**
 * Subject access exports ({@code /api/cases/{caseId}/subject-access-export}). Obtain from
 * {@code HubClient.subjectAccess()}. A children's social care case system answering a child's
 * subject access request calls {@link #export} with the practitioner's own token
 * ({@code tokenSupplier}): partner-system clients may not export.
 */
public final class SubjectAccessClient {

    private final HubHttp http;

    /** Internal: use {@code HubClient.subjectAccess()}. */
    public SubjectAccessClient(HubHttp http) {
        this.http = http;
    }

    /**
     * Exports the case's record for a subject access response. Each call is a new, audited export
     * with its own {@link SubjectAccessExport#exportId()}; quote it in your response file.
     */
    public SubjectAccessExport export(String caseId) {
        return http.send(HubRequest.get("/api/cases/" + segment(caseId) + "/subject-access-export",
                SubjectAccessExport.class));
    }
}
