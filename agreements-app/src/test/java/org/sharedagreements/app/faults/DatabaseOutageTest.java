package org.sharedagreements.app.faults;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.AgreementsApplication;
import org.sharedagreements.app.support.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database goes away mid-load and comes back: meanwhile the service answers 503 with Retry-After (never 500)
 * and reports not ready; afterwards it recovers by itself, and every command it acknowledged is stored. Runs the
 * prod profile, against PostgreSQL behind a TCP proxy the test cuts.
 */
@SpringBootTest(classes = AgreementsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.profiles.active=prod")
class DatabaseOutageTest {

    private static final String SECRET = "outage-test-secret-that-is-at-least-32-bytes";
    private static final EmbeddedPostgres POSTGRES = start();
    private static final TcpProxy PROXY = proxy();

    @LocalServerPort
    private int port;

    @Autowired
    private DataSource dataSource;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + PROXY.port() + "/postgres");
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("agreements.security.jwt.hmac-secret", () -> SECRET);
        registry.add("agreements.crypto.master-key", () -> Base64.getEncoder().encodeToString(new byte[32]));
    }

    @AfterAll
    static void stop() throws IOException {
        PROXY.close();
        POSTGRES.close();
    }

    @Test
    void commandsDuringAnOutageAre503AndEveryAcknowledgedOneIsStored() throws Exception {
        Api api = new Api("http://localhost:" + port, SECRET);
        Api.Caller ada = api.as("outage-ada");
        String agreement = ada.post("/api/agreements", Map.of("title", "Through the night")).field("agreementId");

        ConcurrentLinkedQueue<Api.Response> answers = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread load = new Thread(() -> {
            while (running.get()) {
                answers.add(api.as("outage-ada").post("/api/agreements/" + agreement + "/red-flags",
                        Map.of("indicator", "STRESS")));
            }
        });
        load.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> answers.size() >= 20);

        PROXY.cut();
        await().atMost(Duration.ofSeconds(20)).until(() -> answers.stream().anyMatch(a -> a.status() == 503));
        Api.Response readiness = api.anonymous().get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(503);
        Api.Response refused = api.as("outage-ada").post("/api/agreements", Map.of("title", "t"));
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");

        PROXY.restore();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.anonymous().get("/actuator/health/readiness").status() == 200);
        int before = answers.size();
        await().atMost(Duration.ofSeconds(20)).until(() -> answers.size() >= before + 20
                && answers.stream().skip(before).anyMatch(a -> a.status() == 201));
        running.set(false);
        load.join(30_000);

        List<Api.Response> all = new ArrayList<>(answers);
        assertThat(all).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isIn(201, 503));
        List<String> acknowledged = all.stream().filter(a -> a.status() == 201).map(a -> a.field("flagId")).toList();
        long unavailable = all.stream().filter(a -> a.status() == 503).count();
        String payloads = String.join("\n", new JdbcTemplate(dataSource).queryForList(
                "SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "AND payload_type LIKE '%RedFlagRaised'", String.class, agreement));
        assertThat(acknowledged).as("every acknowledged command is stored").allSatisfy(flag ->
                assertThat(payloads).contains(flag));
        long stored = payloads.lines().count();
        // a command whose commit reached the database just as the connection broke may be stored and still
        // answered 503 (the client cannot know); it is never the other way round
        assertThat(stored).isBetween((long) acknowledged.size(), acknowledged.size() + unavailable);

        long head = all.stream().filter(a -> a.status() == 201).mapToLong(Api.Response::version).max().orElseThrow();
        Api.Response state = api.as("outage-ada").get("/api/agreements/" + agreement + "?minVersion=" + head);
        assertThat(state.status()).as("the projections resumed by themselves").isEqualTo(200);
        String flags = state.body().path("redFlags").toString();
        assertThat(acknowledged).as("every acknowledged command is in the read model").allSatisfy(flag ->
                assertThat(flags).contains(flag));
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().setDataDirectory(Files.createTempDirectory("agreements-outage-"))
                    .setCleanDataDirectory(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TcpProxy proxy() {
        try {
            return new TcpProxy(POSTGRES.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
