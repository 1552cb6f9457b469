package org.sharedagreements.app.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@link JwtDecoder} that remembers the tokens it verified until they expire, so a person's next request with
 * the same token skips parsing, the signature check and the claim checks (each request carries its token, and
 * a person sends many requests with one). Entries are keyed by the token's SHA-256, never the token itself, and
 * kept until the token's {@code exp} and no later (a cached token is refused from that instant; the delegate's
 * leeway for clock skew applies only to tokens it checks itself, and those are then not kept). A token the
 * delegate refuses is never kept, so a bad token costs the full check every time. The cache is bounded; the
 * least used entries go first.
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder delegate;
    private final Clock clock;
    private final Cache<ByteBuffer, Jwt> verified;

    VerifiedTokens(JwtDecoder delegate, Clock clock, long maximumTokens) {
        this.delegate = Objects.requireNonNull(delegate, "the decoder that verifies tokens");
        this.clock = Objects.requireNonNull(clock, "the clock that expires tokens");
        this.verified = Caffeine.newBuilder().maximumSize(maximumTokens).expireAfter(new UntilExpiry(clock)).build();
    }

    @Override
    public Jwt decode(String token) {
        if (token == null) {
            return delegate.decode(null);
        }
        ByteBuffer key = digest(token);
        Jwt known = verified.getIfPresent(key);
        if (known != null && clock.instant().isBefore(known.getExpiresAt())) {
            return known;
        }
        Jwt jwt = delegate.decode(token);
        if (jwt.getExpiresAt() != null && clock.instant().isBefore(jwt.getExpiresAt())) {
            verified.put(key, jwt);
        }
        return jwt;
    }

    private static ByteBuffer digest(String token) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Each entry lives until its token's {@code exp}, and at most a day (a far {@code exp} overflows nanoseconds). */
    private record UntilExpiry(Clock clock) implements Expiry<ByteBuffer, Jwt> {

        private static final Duration LONGEST = Duration.ofDays(1);

        @Override
        public long expireAfterCreate(ByteBuffer key, Jwt jwt, long currentTime) {
            Duration left = Duration.between(clock.instant(), jwt.getExpiresAt());
            return left.isNegative() ? 0 : left.compareTo(LONGEST) > 0 ? LONGEST.toNanos() : left.toNanos();
        }

        @Override
        public long expireAfterUpdate(ByteBuffer key, Jwt jwt, long currentTime, long currentDuration) {
            return expireAfterCreate(key, jwt, currentTime);
        }

        @Override
        public long expireAfterRead(ByteBuffer key, Jwt jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
