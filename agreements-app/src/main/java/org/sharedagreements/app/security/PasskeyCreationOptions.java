package org.sharedagreements.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a passkey's registration options wait between {@code /webauthn/register/options} and
 * {@code /webauthn/register}. Spring Security keeps them in the HTTP session, but in 6.5 they are not
 * {@code Serializable}, and our sessions are (Spring Session JDBC); so they wait here in memory, found by a random
 * key that the session holds. The local provider serves one node (as its authorizations do), and options older
 * than {@link #KEPT} are dropped.
 */
final class PasskeyCreationOptions implements PublicKeyCredentialCreationOptionsRepository {

    static final Duration KEPT = Duration.ofMinutes(10);
    private static final String KEY = PasskeyCreationOptions.class.getName() + ".KEY";

    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final Clock clock;

    PasskeyCreationOptions(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void save(HttpServletRequest request, HttpServletResponse response,
                     PublicKeyCredentialCreationOptions options) {
        Instant now = clock.instant();
        waiting.values().removeIf(entry -> entry.since().plus(KEPT).isBefore(now));
        HttpSession session = request.getSession();
        if (session.getAttribute(KEY) instanceof String previous) {
            waiting.remove(previous);
        }
        if (options == null) {
            session.removeAttribute(KEY);
            return;
        }
        String key = UUID.randomUUID().toString();
        waiting.put(key, new Waiting(options, now));
        session.setAttribute(KEY, key);
    }

    @Override
    public PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(KEY) instanceof String key)) {
            return null;
        }
        Waiting entry = waiting.get(key);
        return entry == null || entry.since().plus(KEPT).isBefore(clock.instant()) ? null : entry.options();
    }

    private record Waiting(PublicKeyCredentialCreationOptions options, Instant since) {
    }
}
