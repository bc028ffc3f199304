package uk.gov.essex.mace.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import uk.gov.essex.mace.support.MutableClock;

class RecentTokensTests {

    private static final Instant ISSUED = Instant.parse("2026-11-28T09:00:00Z");
    private final MutableClock clock = new MutableClock(ISSUED);
    private final List<String> decoded = new ArrayList<>();
    private Instant expiresAt = clock.instant().plus(Duration.ofMinutes(15));

    private final JwtDecoder decoder = token -> {
        decoded.add(token);
        if (token.startsWith("bad")) {
            throw new BadJwtException("signature does not verify");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("police.north")
                .issuedAt(ISSUED).expiresAt(expiresAt).build();
    };
    private final RecentTokens tokens = new RecentTokens(decoder, clock);

    @Test
    void whenTheSameTokenComesAgainThenItIsCheckedOnceAndGivesTheSameClaims() {
        Jwt first = tokens.decode("good-1");
        Jwt again = tokens.decode("good-1");

        assertThat(again).isSameAs(first);
        assertThat(decoded).containsExactly("good-1");
    }

    @Test
    void whenTokensDifferThenEachIsCheckedOnItsOwn() {
        tokens.decode("good-1");
        tokens.decode("good-2");

        assertThat(decoded).containsExactly("good-1", "good-2");
    }

    @Test
    void whenATokenIsRejectedThenItIsRejectedAgainEveryTime() {
        assertThatThrownBy(() -> tokens.decode("bad-1")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("bad-1")).isInstanceOf(BadJwtException.class);

        assertThat(decoded).containsExactly("bad-1", "bad-1");
    }

    @Test
    void whenAMinutePassesThenTheTokenIsCheckedAgain() {
        tokens.decode("good-1");
        clock.advance(RecentTokens.LONGEST.plusSeconds(1));

        tokens.decode("good-1");

        assertThat(decoded).containsExactly("good-1", "good-1");
    }

    @Test
    void whenTheTokenExpiresBeforeTheMinuteThenItIsCheckedAgainFromItsExpiry() {
        expiresAt = clock.instant().plusSeconds(10);
        tokens.decode("short-lived");
        clock.advance(Duration.ofSeconds(9));
        tokens.decode("short-lived");
        assertThat(decoded).hasSize(1);

        clock.advance(Duration.ofSeconds(2));
        tokens.decode("short-lived");

        assertThat(decoded).hasSize(2);
    }
}
