package org.sharedagreements.app.web;

import org.junit.jupiter.api.Test;
import org.sharedagreements.sealing.BlindIndex;
import org.springframework.beans.factory.annotation.Autowired;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sharedagreements.app.web.CommandRefusalsTest.assertProblem;

/**
 * Idempotency-Key: a repeat gets the first answer and runs nothing, also when it comes while the first still runs;
 * reuse for another request is 422; keys belong to callers with a JWT and to the command endpoints only.
 */
class IdempotencyTest extends ApiTest {

    @Autowired
    private BlindIndex blindIndex;

    @Test
    void aRepeatGetsTheFirstAnswerAndRunsNothing() {
        Api.Caller ada = api.as("idem-ada");
        long before = allStoredEvents();

        Api.Response first = ada.header("Idempotency-Key", "draft-1").post("/api/agreements", Map.of("title", "Ours"));
        Api.Response repeat = api.as("idem-ada").header("Idempotency-Key", "draft-1")
                .post("/api/agreements", Map.of("title", "Ours"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.text()).isEqualTo(first.text());
        assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
        assertThat(repeat.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(allStoredEvents()).isEqualTo(before + 1);
    }

    @Test
    void theSameKeyWithAnotherRequestIs422() {
        Api.Caller ada = api.as("idem-bea");
        assertThat(ada.header("Idempotency-Key", "k").post("/api/agreements", Map.of("title", "One")).status())
                .isEqualTo(201);
        long before = allStoredEvents();

        assertProblem(api.as("idem-bea").header("Idempotency-Key", "k").post("/api/agreements", Map.of("title", "Two")),
                422);
        assertThat(allStoredEvents()).isEqualTo(before);
    }

    /**
     * Two identical requests at once. The first is held at the append of its event (a test transaction keeps the
     * agreement's next sequence number), its key already claimed; the repeat then waits on the key's row. Once the
     * first commits, the repeat is given the first answer and runs nothing. (Before, the repeat was 409 "still
     * running": the key is now claimed in the command's transaction, so there is no running state to see.)
     */
    @Test
    void twoConcurrentRepeatsAreBothGivenTheFirstAnswerAndRunOnce() throws Exception {
        Couple couple = Couple.formed(api, "idem-cy", "idem-cat");
        long before = storedEvents(couple.agreementId);
        Api.Response first;
        Api.Response repeat;
        try (Connection blocker = jdbc.getDataSource().getConnection()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement event = blocker.prepareStatement("INSERT INTO domain_event_entry (event_identifier, "
                    + "payload, payload_type, time_stamp, aggregate_identifier, sequence_number, type) "
                    + "VALUES (?, '\\x00', 'test.Blocker', '2026-01-01T00:00:00.000Z', ?, ?, 'Agreement')")) {
                event.setString(1, UUID.randomUUID().toString());
                event.setString(2, couple.agreementId);
                event.setLong(3, before);
                event.executeUpdate();
            }
            CompletableFuture<Api.Response> firstAnswer = raiseWithKeyTwice(couple);
            await().atMost(Duration.ofSeconds(20)).until(() -> waitingOn("INSERT INTO domain_event_entry"));
            CompletableFuture<Api.Response> repeatAnswer = raiseWithKeyTwice(couple);
            await().atMost(Duration.ofSeconds(20)).until(() -> waitingOn("INSERT INTO idempotency_key"));
            blocker.rollback();
            first = firstAnswer.get(30, TimeUnit.SECONDS);
            repeat = repeatAnswer.get(30, TimeUnit.SECONDS);
        }

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(repeat.status()).as(repeat.toString()).isEqualTo(201);
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(repeat.text()).isEqualTo(first.text());
        assertThat(repeat.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
        assertThat(storedEvents(couple.agreementId)).as("exactly one event").isEqualTo(before + 1);
    }

    private CompletableFuture<Api.Response> raiseWithKeyTwice(Couple couple) {
        return CompletableFuture.supplyAsync(() -> api.as("idem-cy").header("Idempotency-Key", "twice")
                .post(couple.path("/red-flags"), Map.of("indicator", "STRESS")));
    }

    /** Whether a statement starting so waits for a lock another transaction holds. */
    private boolean waitingOn(String statement) {
        Long waiting = jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                + "AND query LIKE ?", Long.class, statement + "%");
        return waiting != null && waiting > 0;
    }

    @Test
    void refusalsAreRepeatedAsTheyWereAndKeysBelongToTheirCaller() {
        Couple couple = Couple.formed(api, "idem-dee", "idem-eli");
        String boundary = couple.activeBoundary("OTHER");
        String acceptance = "/boundaries/" + boundary + "/acceptances";
        Api.Response refused = api.as("idem-eli").header("Idempotency-Key", "accept")
                .post(couple.path(acceptance), Map.of("boundaryVersion", 1));
        assertProblem(refused, 409);
        Api.Response again = api.as("idem-eli").header("Idempotency-Key", "accept")
                .post(couple.path(acceptance), Map.of("boundaryVersion", 1));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text()).isEqualTo(refused.text());

        Api.Response otherCaller = api.as("idem-dee").header("Idempotency-Key", "accept")
                .post(couple.path("/red-flags"), Map.of("indicator", "STRESS"));
        assertThat(otherCaller.status()).isEqualTo(201);
    }

    @Test
    void deletesAreIdempotentToo() {
        Couple couple = Couple.formed(api, "idem-fay", "idem-gus");
        assertThat(couple.first.post(couple.path("/counsellors"), Map.of("counsellorId", "idem-dr")).status()).isEqualTo(201);
        Api.Response revoked = api.as("idem-gus").header("Idempotency-Key", "revoke").delete(couple.path("/counsellors/idem-dr"));
        Api.Response repeat = api.as("idem-gus").header("Idempotency-Key", "revoke").delete(couple.path("/counsellors/idem-dr"));
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(repeat.status()).as("not a 409 for revoking twice: it did not run again").isEqualTo(200);
        assertThat(repeat.text()).isEqualTo(revoked.text());
    }

    @Test
    void anExpiredKeyRunsAgainAndBadKeysAre400() {
        Api.Caller hal = api.as("idem-hal");
        String first = hal.header("Idempotency-Key", "old").post("/api/agreements", Map.of("title", "T")).field("agreementId");
        jdbc.update("UPDATE idempotency_key SET created_at = now() - interval '25 hours' WHERE caller = ?",
                blindIndex.index(BlindIndex.Purpose.IDEMPOTENCY, "idem-hal"));
        String second = api.as("idem-hal").header("Idempotency-Key", "old").post("/api/agreements", Map.of("title", "T"))
                .field("agreementId");
        assertThat(second).isNotEqualTo(first);

        assertProblem(api.as("idem-hal").header("Idempotency-Key", "k".repeat(256))
                .post("/api/agreements", Map.of("title", "T")), 400);
    }

    @Test
    void aKeyWithAnotherIfMatchIsAnotherRequest() {
        Couple couple = Couple.formed(api, "idem-kim", "idem-lou");
        long version = storedEvents(couple.agreementId) - 1;
        Api.Response first = api.as("idem-kim").header("Idempotency-Key", "flag").header("If-Match", "\"" + version + "\"")
                .post(couple.path("/red-flags"), Map.of("indicator", "STRESS"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        long before = storedEvents(couple.agreementId);

        // the same method, path and body: only the version the request is meant for differs
        assertProblem(api.as("idem-kim").header("Idempotency-Key", "flag").header("If-Match", "\"" + (version + 1) + "\"")
                .post(couple.path("/red-flags"), Map.of("indicator", "STRESS")), 422);
        assertProblem(api.as("idem-kim").header("Idempotency-Key", "flag")
                .post(couple.path("/red-flags"), Map.of("indicator", "STRESS")), 422);
        assertThat(storedEvents(couple.agreementId)).isEqualTo(before);
    }

    @Test
    void devTokensWithAKeyRecordNothingAndARepeatMintsAFreshToken() {
        long rows = idempotencyRows();
        Map<String, Object> request = Map.of("sub", "idem-minted", "roles", List.of());
        Api.Response first = api.anonymous().header("Idempotency-Key", "mint").post("/dev/tokens", request);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(idempotencyRows()).as("an anonymous caller owns no key, and no token is kept").isEqualTo(rows);
        long issuedAt = issuedAt(first.field("token"));

        // tokens are stamped to the second: one from a later second cannot be the first answer given again
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().getEpochSecond() > issuedAt);
        Api.Response repeat = api.anonymous().header("Idempotency-Key", "mint").post("/dev/tokens", request);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.header("Idempotent-Replayed")).isNull();
        assertThat(issuedAt(repeat.field("token"))).isGreaterThan(issuedAt);
        assertThat(repeat.field("token")).isNotEqualTo(first.field("token"));
        assertThat(idempotencyRows()).isEqualTo(rows);
    }

    @Test
    void anAnonymousCommandWithAKeyIs401AndRecordsNothing() {
        long rows = idempotencyRows();
        long before = allStoredEvents();

        assertProblem(api.anonymous().header("Idempotency-Key", "anonymous").post("/api/agreements", Map.of("title", "T")),
                401);
        assertProblem(api.anonymous().header("Idempotency-Key", "anonymous").post("/api/agreements", Map.of("title", "T")),
                401);
        assertThat(idempotencyRows()).isEqualTo(rows);
        assertThat(allStoredEvents()).isEqualTo(before);
    }

    private long idempotencyRows() {
        Long rows = jdbc.queryForObject("SELECT count(*) FROM idempotency_key", Long.class);
        return rows == null ? 0 : rows;
    }

    private static long issuedAt(String token) {
        return Api.json(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8))
                .path("iat").asLong();
    }
}
