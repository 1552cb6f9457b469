package org.sharedagreements.app.security;

import org.junit.jupiter.api.Test;
import org.sharedagreements.kernel.UtcClock;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A token is checked once and then served from memory until its {@code exp}; a refused token is checked every
 * time; a cached token is refused from its expiry on, as the delegate would refuse it.
 */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-03T15:00:00Z");

    private final MovableClock clock = new MovableClock(NOW);
    private final List<String> checked = new ArrayList<>();

    /** Accepts tokens named "good-..." for ten minutes after NOW, refuses everything else. */
    private final JwtDecoder delegate = token -> {
        checked.add(token);
        if (!token.startsWith("good-") || !clock.instant().isBefore(NOW.plus(Duration.ofMinutes(10)))) {
            throw new BadJwtException("refused");
        }
        return Jwt.withTokenValue(token).header("alg", "HS256").subject(token.substring(5))
                .issuedAt(NOW).expiresAt(NOW.plus(Duration.ofMinutes(10))).build();
    };
    private final VerifiedTokens tokens = new VerifiedTokens(delegate, clock, 100);

    @Test
    void aTokenIsCheckedOnceWhileItIsValid() {
        Jwt first = tokens.decode("good-ana");
        Jwt again = tokens.decode("good-ana");
        Jwt other = tokens.decode("good-bea");

        assertThat(again).isSameAs(first);
        assertThat(other.getSubject()).isEqualTo("bea");
        assertThat(checked).containsExactly("good-ana", "good-bea");
    }

    @Test
    void aRefusedTokenIsRefusedEveryTimeAndNeverKept() {
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(checked).containsExactly("forged", "forged");
    }

    @Test
    void aKeptTokenIsRefusedFromItsExpiryOn() {
        tokens.decode("good-ana");
        clock.set(NOW.plus(Duration.ofMinutes(10)));

        assertThatThrownBy(() -> tokens.decode("good-ana")).isInstanceOf(BadJwtException.class);
        assertThat(checked).containsExactly("good-ana", "good-ana");
    }

    private static final class MovableClock extends UtcClock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
