package org.sharedagreements.app.faults;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
 * and reports not ready; afterwards it recovers by itself, and every command it acknowledged is stored. Commands
 * carry an Idempotency-Key and every 503 is retried with it, so each ends up stored exactly once, also one whose
 * commit went through while its answer was lost. Runs the prod profile, against PostgreSQL behind a TCP proxy the
 * test cuts.
 */
@SpringBootTest(classes = AgreementsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.profiles.active=prod")
class DatabaseOutageTest {

    private static final String SECRET = "outage-test-secret-that-is-at-least-32-bytes";
    private static final String KEY = "Idempotency-Key";
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
        registry.add("agreements.crypto.blind-index-key", () -> Base64.getEncoder().encodeToString(new byte[32]));
        registry.add("agreements.crypto.checkpoint-signing-key", () -> Base64.getEncoder().encodeToString(new byte[32]));
    }

    /** Each test starts with the database reachable, whatever the one before left cut. */
    @AfterEach
    void databaseBack() {
        PROXY.restore();
        Api api = new Api("http://localhost:" + port, SECRET);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.anonymous().get("/actuator/health/readiness").status() == 200);
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

        String flags = "/api/agreements/" + agreement + "/red-flags";
        ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Api.Response> answers = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread load = new Thread(() -> {
            for (int request = 0; running.get(); request++) {
                // every request has its own key, as a client that retries would send
                String key = "outage-" + request;
                Api.Response answer = api.as("outage-ada").header(KEY, key).post(flags, Map.of("indicator", "STRESS"));
                attempts.add(new Attempt(key, answer));
                answers.add(answer);
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
        String readFlags = state.body().path("redFlags").toString();
        assertThat(acknowledged).as("every acknowledged command is in the read model").allSatisfy(flag ->
                assertThat(readFlags).contains(flag));

        // a client retries every 503 with its key: then each key has exactly one stored event, whether its first
        // attempt was stored or not, and every acknowledged answer is stored once
        List<String> answered = new ArrayList<>();
        for (Attempt attempt : attempts) {
            Api.Response answer = attempt.answer();
            if (answer.status() == 503) {
                answer = api.as("outage-ada").header(KEY, attempt.key()).post(flags, Map.of("indicator", "STRESS"));
                assertThat(answer.status()).as("the retry of " + attempt.key() + ": " + answer).isEqualTo(201);
            }
            answered.add(answer.field("flagId"));
        }
        List<String> storedFlags = redFlagsStored(agreement);
        assertThat(storedFlags).as("one event per key").hasSize(attempts.size());
        assertThat(answered).as("each key's answer names its own stored event").doesNotHaveDuplicates()
                .allSatisfy(flag -> assertThat(storedFlags).filteredOn(p -> p.contains(flag)).hasSize(1));
        assertThat(acknowledged).as("every acknowledged command is stored once").allSatisfy(flag ->
                assertThat(storedFlags).filteredOn(p -> p.contains(flag)).hasSize(1));
    }

    /**
     * The answer to a command whose commit reached PostgreSQL is lost on the way back (every connection cut just
     * then): the client gets 503 and cannot know the command is stored. Its retry with the same key, once the
     * database is back, gets the answer the command had, and the command is stored once.
     */
    @Test
    void aCommittedCommandWhoseAnswerWasLostIsAnsweredOnItsRetryAndStoredOnce() {
        Api api = new Api("http://localhost:" + port, SECRET);
        Api.Response drafted = api.as("outage-bo").post("/api/agreements", Map.of("title", "Lost on the way"));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String agreement = drafted.field("agreementId");
        String flags = "/api/agreements/" + agreement + "/red-flags";

        PROXY.loseTheAnswerToTheNextEventCommit();
        Api.Response lost = api.as("outage-bo").header(KEY, "lost-answer").post(flags, Map.of("indicator", "OTHER"));
        assertThat(PROXY.answerLost()).as("the commit went through, its answer did not").isTrue();
        assertThat(lost.status()).as(lost.toString()).isEqualTo(503);
        assertThat(lost.header("Retry-After")).isNotBlank();
        assertThat(redFlagsStored(agreement)).as("stored all the same").hasSize(1);

        PROXY.restore();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.anonymous().get("/actuator/health/readiness").status() == 200);
        Api.Response retried = api.as("outage-bo").header(KEY, "lost-answer").post(flags, Map.of("indicator", "OTHER"));

        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).as("the first answer, nothing ran").isEqualTo("true");
        List<String> stored = redFlagsStored(agreement);
        assertThat(stored).as("stored once").hasSize(1);
        assertThat(stored.get(0)).contains(retried.field("flagId"));
        Long sequence = new JdbcTemplate(POSTGRES.getPostgresDatabase()).queryForObject("SELECT sequence_number "
                + "FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%RedFlagRaised'",
                Long.class, agreement);
        assertThat(retried.version()).as("the version the command made").isEqualTo(sequence);
    }

    /** The payloads of the agreement's RedFlagRaised events, read past the proxy (which may be cut). */
    private static List<String> redFlagsStored(String agreement) {
        return new JdbcTemplate(POSTGRES.getPostgresDatabase()).queryForList("SELECT convert_from(payload, 'UTF8') "
                + "FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%RedFlagRaised'",
                String.class, agreement);
    }

    private record Attempt(String key, Api.Response answer) {
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
