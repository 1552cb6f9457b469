package org.sharedagreements.app.support;

import org.junit.jupiter.api.BeforeEach;
import org.sharedagreements.app.AgreementsApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Base of the HTTP tests: the real application on a random port, on an embedded PostgreSQL in a fresh temporary
 * directory (so every run starts from an empty database), with a known HS256 secret so tests can mint any token.
 * All subclasses share one Spring context, so the suite starts PostgreSQL and the app once. Metrics export stays
 * on (Spring Boot switches it off in tests by default) so the Prometheus endpoint is tested too. The web pages are
 * tested through {@link #pages} (MockMvc on the same context, signed in with {@link Pages#person}).
 */
@SpringBootTest(classes = AgreementsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@AutoConfigureMockMvc
public abstract class ApiTest {

    public static final String SECRET = "test-secret-that-is-at-least-32-bytes-long!";
    private static final Path DATA = temporaryDataDirectory();

    @LocalServerPort
    private int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected MockMvc pages;

    protected Api api;

    @DynamicPropertySource
    static void embeddedDatabase(DynamicPropertyRegistry registry) {
        registry.add("agreements.embedded.data-dir", () -> DATA.resolve("postgres").toString());
        registry.add("agreements.security.local-secret-file", () -> DATA.resolve("jwt-secret").toString());
        registry.add("agreements.security.jwt.hmac-secret", () -> SECRET);
        registry.add("agreements.crypto.local-master-key-file", () -> DATA.resolve("master-key").toString());
        registry.add("agreements.crypto.local-blind-index-key-file", () -> DATA.resolve("blind-index-key").toString());
        registry.add("agreements.crypto.local-checkpoint-signing-key-file",
                () -> DATA.resolve("checkpoint-signing-key").toString());
        // small pages, so a rebuild in a test goes through many of them, each split between the two writers
        registry.add("agreements.admin.rebuild-page-size", () -> "500");
    }

    @BeforeEach
    void api() {
        api = new Api("http://localhost:" + port, SECRET);
    }

    /** The number of events stored for one agreement, straight from the event table. */
    protected long storedEvents(String agreementId) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, agreementId);
        return count == null ? 0 : count;
    }

    protected long allStoredEvents() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    private static Path temporaryDataDirectory() {
        try {
            Path directory = Files.createTempDirectory("agreements-test-");
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
