package org.sharedagreements.app.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local provider's password sign-in, slowed for guessing: after {@link #MAX_FAILURES} wrong passwords for one
 * login name within {@link #WINDOW} (counted from the first), that name is refused without its password being
 * checked until the window ends, whether or not such an account exists, so the refusal tells nothing about the
 * account. A right password before then clears the count. The count is kept in memory only (the local provider
 * runs on one node), under a keyed hash of the name, so not even the heap holds the login names tried.
 */
final class PasswordAttempts implements AuthenticationProvider {

    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_NAMES = 100_000;

    private final AuthenticationProvider passwords;
    private final SecretKeySpec key;
    private final Cache<String, AtomicInteger> failures = Caffeine.newBuilder()
            .expireAfterWrite(WINDOW).maximumSize(MAX_NAMES).build();

    PasswordAttempts(AuthenticationProvider passwords) {
        this.passwords = Objects.requireNonNull(passwords, "the password check");
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String name = keyOf(attempt.getName());
        AtomicInteger failed = failures.getIfPresent(name);
        if (failed != null && failed.get() >= MAX_FAILURES) {
            throw new LockedException("Too many wrong passwords for this login name; try again later.");
        }
        try {
            Authentication signedIn = passwords.authenticate(attempt);
            failures.invalidate(name);
            return signedIn;
        } catch (BadCredentialsException wrong) {
            failures.get(name, first -> new AtomicInteger()).incrementAndGet();
            throw wrong;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }

    private String keyOf(String loginName) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            String name = loginName == null ? "" : loginName.strip().toLowerCase(Locale.ROOT);
            return Base64.getEncoder().encodeToString(mac.doFinal(name.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
