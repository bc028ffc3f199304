package uk.gov.essex.mace.client.alerts;

import static uk.gov.essex.mace.client.internal.HubRequest.segment;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import tools.jackson.core.type.TypeReference;
import uk.gov.essex.mace.client.internal.HubHttp;
import uk.gov.essex.mace.client.internal.HubRequest;
import uk.gov.essex.mace.client.internal.Retry;
import uk.gov.essex.mace.client.live.LiveListener;
import uk.gov.essex.mace.client.live.LiveSpec;
import uk.gov.essex.mace.client.live.LiveSubscription;
import uk.gov.essex.mace.client.live.ResumingSubscription;

/**
 * MACE alerts ({@code /api/alerts}) and their live feed. Obtain from {@code HubClient.alerts()}.
 * Partner systems and staff of a case's member agencies read its alerts; the quadrant's MACE
 * coordinators and chair also acknowledge and close them.
 */
public final class AlertsClient {

    /** The user queue the hub pushes alerts to. */
    public static final String DESTINATION = "/user/queue/alerts";
    private static final TypeReference<List<Alert>> ALERTS = new TypeReference<>() {};
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final HubHttp http;
    private final Function<LiveSpec<Alert>, ResumingSubscription<Alert>> live;

    /** Internal: use {@code HubClient.alerts()}. */
    public AlertsClient(HubHttp http, Function<LiveSpec<Alert>, ResumingSubscription<Alert>> live) {
        this.http = http;
        this.live = live;
    }

    /** Alerts the caller may see that are not CLOSED, newest first (at most 100). */
    public List<Alert> list() {
        return list(null, 100);
    }

    /** Alerts in {@code status} (null: every one not CLOSED), newest first, at most {@code limit} (1 to 100). */
    public List<Alert> list(AlertStatus status, int limit) {
        return http.send(HubRequest.get(HubRequest.query("/api/alerts", HubRequest.params("status", status, "limit", limit)),
                ALERTS));
    }

    /** One alert. */
    public Alert get(String alertId) {
        return http.send(HubRequest.get("/api/alerts/" + segment(alertId), Alert.class));
    }

    /**
     * The case's standing against the MACE criteria with its history of entering and leaving them
     * (whoever may read the case).
     */
    public MaceStanding standing(String caseId) {
        return http.send(HubRequest.get("/api/cases/" + segment(caseId) + "/mace-standing", MaceStanding.class));
    }

    /** Acknowledges an alert (MACE coordinators and chairs of its quadrant). */
    public Alert acknowledge(String alertId) {
        return http.send(HubRequest.post("/api/alerts/" + segment(alertId) + "/acknowledge", null, Alert.class,
                Retry.ONLY_IF_NOT_PROCESSED, null));
    }

    /** Closes an alert (MACE coordinators and chairs of its quadrant). */
    public Alert close(String alertId) {
        return http.send(HubRequest.post("/api/alerts/" + segment(alertId) + "/close", null, Alert.class,
                Retry.ONLY_IF_NOT_PROCESSED, null));
    }

    /**
     * Receives alerts live, from now on, until the subscription is closed. Each state of each
     * alert (raised, acknowledged, escalated, on the agenda, closed) reaches the listener once.
     * After a dropped connection the SDK reconnects and catches up over REST: every alert raised
     * since the subscription started that is not yet closed is delivered in its current state if
     * the listener has not seen that state (intermediate states passed through while
     * disconnected, and closures, are not replayed).
     */
    public LiveSubscription subscribe(LiveListener<Alert> listener) {
        Instant since = Instant.now().minus(CLOCK_SKEW);
        return live.apply(new LiveSpec<>(DESTINATION, Alert.class, Alert::stateKey,
                lastSeen -> list(null, 100).stream()
                        .filter(a -> a.raisedAt() != null && !a.raisedAt().isBefore(since))
                        .sorted(Comparator.comparing(Alert::raisedAt))
                        .toList(),
                listener));
    }
}
