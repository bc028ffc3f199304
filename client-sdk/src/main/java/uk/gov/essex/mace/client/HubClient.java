package uk.gov.essex.mace.client;

import uk.gov.essex.mace.client.audit.AuditClient;
import uk.gov.essex.mace.client.cases.CasesClient;
import uk.gov.essex.mace.client.internal.Backoff;
import uk.gov.essex.mace.client.internal.HubHttp;
import uk.gov.essex.mace.client.intel.IntelClient;

/**
 * The MACE Hub client for partner systems (police RMS, council case systems, health systems).
 * Build one per hub and share it: it is immutable and thread-safe, and caches its access token.
 *
 * <pre>{@code
 * HubClient hub = HubClient.builder()
 *         .baseUrl("https://mace-hub.essex.example")
 *         .clientCredentials("police-rms", secret)
 *         .build();
 * CaseResponse opened = hub.cases().open(new OpenCaseRequest(...));
 * }</pre>
 *
 * <p>Calls are grouped by feature: {@link #cases()}, {@link #intel()}, {@link #audit()}. Every call either returns
 * the hub's answer or throws a {@link HubException}; connection failures, 429 and 5xx are retried
 * first, with back-off, where retrying cannot do anything twice.
 */
public final class HubClient {

    private final HubHttp http;
    private final Backoff liveBackoff;
    private final CasesClient cases;
    private final AuditClient audit;
    private final IntelClient intel;

    HubClient(HubHttp http, Backoff liveBackoff) {
        this.http = http;
        this.liveBackoff = liveBackoff;
        this.cases = new CasesClient(http);
        this.audit = new AuditClient(http);
        this.intel = new IntelClient(http);
    }

    /** Starts building a client; see {@link HubClientBuilder}. */
    public static HubClientBuilder builder() {
        return new HubClientBuilder();
    }

    /** Cases: open, find, read, list, members. */
    public CasesClient cases() {
        return cases;
    }

    /** Intelligence on a case: share, read, timeline, revise, withdraw, labels. */
    public IntelClient intel() {
        return intel;
    }

    /** The audit trail's signed tree heads and proofs, with client-side verification. */
    public AuditClient audit() {
        return audit;
    }

    @Override
    public String toString() {
        return "HubClient[" + http.baseUrl() + "]";
    }
}
