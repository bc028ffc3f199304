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
 */
@Validated
@ConfigurationProperties("hub.live")
public record LiveProperties(
        @NotEmpty @DefaultValue({"https://localhost:8080", "http://localhost:8080"}) List<String> allowedOrigins,
        @NotNull @DefaultValue(LiveProperties.EXPIRY_CHECK) Duration expiryCheck,
        @DefaultValue("65536") int messageSizeLimit,
        @DefaultValue("128") int maxSubscriptionsPerSession) {

    static final String EXPIRY_CHECK = "PT30S";

    public LiveProperties {
        allowedOrigins = List.copyOf(allowedOrigins);
    }
}
