package uk.gov.essex.mace.live;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The live channel.
 *
 * @param allowedOrigins browser origins allowed to open {@code /ws} (the hub's own web app; the
 *     token travels in the CONNECT frame, not a cookie, but a strict origin list still keeps other
 *     sites' pages off the endpoint)
 * @param expiryCheck how often sessions whose token has expired are looked for and closed, besides
 *     the check on every inbound frame
 * @param messageSizeLimit the largest inbound STOMP message accepted, in bytes (a larger frame ends the session)
 * @param maxSubscriptionsPerSession how many subscriptions one session may hold at once; one more
 *     is refused and ends the session, so a client cannot make the hub track unbounded state
 * @param relay fan-out across hub instances through an external STOMP broker (RabbitMQ), off by
 *     default: one instance uses its in-process broker
 */
@Validated
@ConfigurationProperties("hub.live")
public record LiveProperties(
        @NotEmpty @DefaultValue({"https://localhost:8080", "http://localhost:8080"}) List<String> allowedOrigins,
        @NotNull @DefaultValue(LiveProperties.EXPIRY_CHECK) Duration expiryCheck,
        @DefaultValue("65536") int messageSizeLimit,
        @DefaultValue("128") int maxSubscriptionsPerSession,
        @NotNull @DefaultValue Relay relay) {

    static final String EXPIRY_CHECK = "PT30S";

    public LiveProperties {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /**
     * Spring's STOMP broker relay to RabbitMQ's STOMP plugin, for several hub instances behind one
     * load balancer. Every message the relay carries is one session's already-redacted projection.
     *
     * @param enabled use the relay instead of the in-process broker
     * @param host the broker's STOMP host
     * @param port the broker's STOMP port (RabbitMQ: 61613)
     * @param login the broker account the hub uses, for its own connection and each session's
     * @param passcode that account's password (set it from the environment, never in a file in the repository)
     * @param virtualHost the broker's virtual host
     * @param exchange the direct exchange that carries per-session messages (RabbitMQ's
     *     {@code amq.direct}: a message for a session nobody is subscribed as is dropped, never queued)
     */
    public record Relay(
            @DefaultValue("false") boolean enabled,
            @NotEmpty @DefaultValue("127.0.0.1") String host,
            @DefaultValue("61613") int port,
            @NotEmpty @DefaultValue("guest") String login,
            @NotNull @DefaultValue("guest") String passcode,
            @NotEmpty @DefaultValue("/") String virtualHost,
            @NotEmpty @DefaultValue("amq.direct") String exchange) {

        @Override
        public String toString() {
            return "Relay[enabled=" + enabled + ", host=" + host + ", port=" + port + ", login=" + login
                    + ", virtualHost=" + virtualHost + ", exchange=" + exchange + "]";
        }
    }
}
