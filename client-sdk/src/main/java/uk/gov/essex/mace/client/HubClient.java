package uk.gov.essex.mace.client;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import uk.gov.essex.mace.client.alerts.Alert;
import uk.gov.essex.mace.client.alerts.AlertsClient;
import uk.gov.essex.mace.client.audit.AuditClient;
import uk.gov.essex.mace.client.cases.CasesClient;
import uk.gov.essex.mace.client.disruption.DisruptionsClient;
import uk.gov.essex.mace.client.internal.Backoff;
import uk.gov.essex.mace.client.internal.HubHttp;
import uk.gov.essex.mace.client.intel.IntelClient;
import uk.gov.essex.mace.client.live.LiveSpec;
import uk.gov.essex.mace.client.live.ResumingSubscription;
import uk.gov.essex.mace.client.retention.LegalHoldsClient;
import uk.gov.essex.mace.client.risk.IndicatorsClient;
import uk.gov.essex.mace.client.risk.MissingEpisodesClient;
import uk.gov.essex.mace.client.risk.RiskAssessmentsClient;
import uk.gov.essex.mace.client.sar.SubjectAccessClient;

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
 * <p>Calls are grouped by feature: {@link #cases()}, {@link #intel()}, {@link #missingEpisodes()},
 * {@link #riskAssessments()}, {@link #indicators()}, {@link #disruptions()}, {@link #alerts()},
 * {@link #legalHolds()}, {@link #subjectAccess()}, {@link #audit()}. Every call either returns
 * the hub's answer or throws a {@link HubException}; connection failures, 429 and 5xx are retried
 * first, with back-off, where retrying cannot do anything twice.
 */
public final class HubClient {

    private final HubHttp http;
    private final Backoff liveBackoff;
    private final CasesClient cases;
    private final AuditClient audit;
    private final IntelClient intel;
    private final MissingEpisodesClient missingEpisodes;
    private final RiskAssessmentsClient riskAssessments;
    private final IndicatorsClient indicators;
    private final AlertsClient alerts;
    private final DisruptionsClient disruptions;
    private final LegalHoldsClient legalHolds;
    private final SubjectAccessClient subjectAccess;

    HubClient(HubHttp http, Backoff liveBackoff) {
        this.http = http;
        this.liveBackoff = liveBackoff;
        this.cases = new CasesClient(http);
        this.audit = new AuditClient(http);
        this.intel = new IntelClient(http, this::live);
        this.missingEpisodes = new MissingEpisodesClient(http);
        this.riskAssessments = new RiskAssessmentsClient(http);
        this.indicators = new IndicatorsClient(http);
        this.alerts = new AlertsClient(http, this::live);
        this.disruptions = new DisruptionsClient(http);
        this.legalHolds = new LegalHoldsClient(http);
        this.subjectAccess = new SubjectAccessClient(http);
    }

    /** Heart-beat timers of every live subscription: one daemon thread, made on first use. */
    private static final class Heartbeats {
        static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mace-hub-live-heartbeats");
            t.setDaemon(true);
            return t;
        });
    }

    private <T> ResumingSubscription<T> live(LiveSpec<T> spec) {
        URI base = http.baseUrl();
        URI ws = URI.create(("https".equalsIgnoreCase(base.getScheme()) ? "wss" : "ws") + base.toString()
                .substring(base.getScheme().length()) + "/ws");
        ResumingSubscription.Endpoint endpoint = new ResumingSubscription.Endpoint(http.httpClient(), ws, http.tokens(),
                Duration.ofSeconds(10), http.requestTimeout(), Heartbeats.SCHEDULER);
        return new ResumingSubscription<>(endpoint, spec.destination(), spec.type(), spec.idOf(), spec.catchUp(),
                spec.listener(), liveBackoff).start();
    }

    /** Starts building a client; see {@link HubClientBuilder}. */
    public static HubClientBuilder builder() {
        return new HubClientBuilder();
    }

    /** Cases: open, find, read, list, members. */
    public CasesClient cases() {
        return cases;
    }

    /** Intelligence on a case: share, read, timeline, revise, withdraw, labels, and the case's live feed. */
    public IntelClient intel() {
        return intel;
    }

    /** Missing episodes of a case: report, return, correct, delete, history. */
    public MissingEpisodesClient missingEpisodes() {
        return missingEpisodes;
    }

    /** Risk in the Community Record assessments of a case. */
    public RiskAssessmentsClient riskAssessments() {
        return riskAssessments;
    }

    /** Exploitation indicators of a case. */
    public IndicatorsClient indicators() {
        return indicators;
    }

    /** MACE alerts: list, read, acknowledge, close, and live subscription with resume. */
    public AlertsClient alerts() {
        return alerts;
    }

    /** Disruption updates about places: post, read, list (paged), and those linked to a case. */
    public DisruptionsClient disruptions() {
        return disruptions;
    }

    /** Legal holds on cases: read, place, lift (a quadrant chair's or police intelligence officer's token). */
    public LegalHoldsClient legalHolds() {
        return legalHolds;
    }

    /** Subject access exports of a child's record (a children's social care practitioner's or chair's token). */
    public SubjectAccessClient subjectAccess() {
        return subjectAccess;
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
