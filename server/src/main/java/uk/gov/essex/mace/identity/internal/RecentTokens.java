package uk.gov.essex.mace.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Remembers, for a minute at most and never past its expiry, a token the decoder accepted, so a
 * client sending the same bearer token on request after request has its signature checked once
 * instead of on each (the check and the parse were a twentieth of a share's CPU).
 *
 * <p>Only the decoding is remembered: what the hub decides from the token (the principal, whether
 * its client was revoked) runs on every request as before. A token is found only by its whole
 * text, so nothing but the identical, already accepted token can come out. A rejected token is
 * never remembered. A trusted issuer's key withdrawn from its key set stops a token it signed
 * within the minute, instead of at once.
 */
final class RecentTokens implements JwtDecoder {

    static final Duration LONGEST = Duration.ofMinutes(1);
    /** Beyond this many tokens the memory is emptied and fills again: a bound, not a policy. */
    static final int MOST = 4_096;

    private final JwtDecoder decoder;
    private final Clock clock;
    private final ConcurrentHashMap<String, Accepted> accepted = new ConcurrentHashMap<>();

    RecentTokens(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) {
        Instant now = clock.instant();
        Accepted known = accepted.get(token);
        if (known != null && now.isBefore(known.until())) {
            return known.jwt();
        }
        Jwt jwt = decoder.decode(token);
        Instant until = now.plus(LONGEST);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt();
        }
        if (accepted.size() >= MOST) {
            accepted.clear();
        }
        accepted.put(token, new Accepted(jwt, until));
        return jwt;
    }

    private record Accepted(Jwt jwt, Instant until) {}
}
