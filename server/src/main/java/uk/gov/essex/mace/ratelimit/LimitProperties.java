package uk.gov.essex.mace.ratelimit;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Abuse limits. The defaults are generous (a busy partnership never meets them); they are there
 * to stop a runaway partner system, a scripted scrape or a password-guessing run.
 *
 * @param enabled false turns every limit off (benchmarks that drive one user very hard)
 * @param loginPerAddress sign-in attempts ({@code POST /login}) from one address
 * @param tokenPerAddress token requests ({@code POST /oauth2/token}) from one address
 * @param tokenPerClient token requests naming one client id (for a public client, from one address)
 * @param writesPerUser POST, PUT, PATCH and DELETE requests under {@code /api/} by one person
 * @param writesPerClient the same by one partner system (a client-credentials token)
 * @param lockoutThreshold consecutive failed sign-ins (or client authentications) for one name
 *     from one address after which that name is locked out from that address
 * @param lockoutBase how long the first lockout lasts; each further failure doubles it
 * @param lockoutMax the longest a lockout lasts
 * @param failureMemory how long a failed attempt counts towards a lockout
 */
@Validated
@ConfigurationProperties("hub.limits")
public record LimitProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("300/1m") Rate loginPerAddress,
        @NotNull @DefaultValue("600/1m") Rate tokenPerAddress,
        @NotNull @DefaultValue("600/1m") Rate tokenPerClient,
        @NotNull @DefaultValue("1200/1m") Rate writesPerUser,
        @NotNull @DefaultValue("6000/1m") Rate writesPerClient,
        @Positive @DefaultValue("5") int lockoutThreshold,
        @NotNull @DefaultValue("1m") Duration lockoutBase,
        @NotNull @DefaultValue("15m") Duration lockoutMax,
        @NotNull @DefaultValue("1h") Duration failureMemory) {}
