package uk.gov.essex.mace.security;

import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import uk.gov.essex.mace.support.DemoTokens;

/**
 * Tokens for the matrix's callers ({@code police.north}, {@code client:police-rms}, {@code anonymous}),
 * from the real token endpoint, renewed when less than two minutes are left: the whole suite can
 * run for longer than a token lives.
 */
final class CallerTokens {

    private static final Duration MARGIN = Duration.ofMinutes(2);
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private CallerTokens() {}

    static String of(DemoTokens tokens, String baseUrl, String caller) {
        if (caller.equals("anonymous")) {
            return null;
        }
        String key = baseUrl + " " + caller;
        String cached = CACHE.get(key);
        if (cached != null && !nearExpiry(cached)) {
            return cached;
        }
        String fresh = caller.startsWith("client:")
                ? tokens.freshClient(caller.substring("client:".length()), DemoTokens.CLIENT_SECRET)
                : tokens.freshUser(caller, DemoTokens.PASSWORD);
        CACHE.put(key, fresh);
        return fresh;
    }

    private static boolean nearExpiry(String token) {
        try {
            Date exp = SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime();
            return exp == null || exp.toInstant().isBefore(Instant.now().plus(MARGIN));
        } catch (java.text.ParseException e) {
            return true;
        }
    }
}
