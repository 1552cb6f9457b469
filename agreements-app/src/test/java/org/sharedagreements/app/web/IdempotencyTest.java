package org.sharedagreements.app.web;

import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sharedagreements.app.web.CommandRefusalsTest.assertProblem;

/** Idempotency-Key: a repeat gets the first answer and runs nothing; reuse for another request is 422; in flight is 409. */
class IdempotencyTest extends ApiTest {

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

    @Test
    void aRepeatWhileTheFirstStillRunsIs409() {
        Api.Caller cy = api.as("idem-cy");
        assertThat(cy.header("Idempotency-Key", "finished").post("/api/agreements", Map.of("title", "T")).status())
                .isEqualTo(201);
        String hash = jdbc.queryForObject("SELECT request_hash FROM idempotency_key WHERE caller = 'idem-cy' "
                + "AND idempotency_key = 'finished'", String.class);
        // the same request under another key, marked as still running (as a request on another node would be)
        jdbc.update("INSERT INTO idempotency_key (caller, idempotency_key, request_hash, created_at) "
                + "VALUES ('idem-cy', 'running', ?, now())", hash);
        long before = allStoredEvents();

        assertProblem(api.as("idem-cy").header("Idempotency-Key", "running").post("/api/agreements", Map.of("title", "T")),
                409);
        assertThat(allStoredEvents()).isEqualTo(before);
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
        jdbc.update("UPDATE idempotency_key SET created_at = now() - interval '25 hours' WHERE caller = 'idem-hal'");
        String second = api.as("idem-hal").header("Idempotency-Key", "old").post("/api/agreements", Map.of("title", "T"))
                .field("agreementId");
        assertThat(second).isNotEqualTo(first);

        assertProblem(api.as("idem-hal").header("Idempotency-Key", "k".repeat(256))
                .post("/api/agreements", Map.of("title", "T")), 400);
    }
}
