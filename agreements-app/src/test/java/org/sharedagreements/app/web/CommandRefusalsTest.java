package org.sharedagreements.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal of the Errors table over HTTP: each is problem+json with the right status, carries no stack
 * trace, SQL or class name, and stores nothing.
 */
class CommandRefusalsTest extends ApiTest {

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        Couple couple = Couple.formed(api, "r-ann", "r-bo");
        long before = storedEvents(couple.agreementId);

        Api.Response refused = couple.first.post(couple.path("/boundaries"), Map.of(
                "category", "SKINNY_DIPPING", "measure", 42, "reviewEvery", "P2Y"));

        assertProblem(refused, 400);
        assertThat(fields(refused)).containsExactlyInAnyOrder("category", "statement", "measure", "reviewEvery");
        assertThat(storedEvents(couple.agreementId)).isEqualTo(before);
    }

    @Test
    void malformedJsonWrongTypesAndBadIdsAre400() {
        Couple couple = Couple.formed(api, "r-cy", "r-di");
        String boundary = couple.activeBoundary("DISCLOSURE");
        long before = storedEvents(couple.agreementId);

        assertProblem(couple.first.postRaw(couple.path("/red-flags"), "{\"indicator\": ", "application/json"), 400);
        Api.Response wrongType = couple.second.post(couple.path("/boundaries/" + boundary + "/acceptances"),
                Map.of("boundaryVersion", "one"));
        assertProblem(wrongType, 400);
        assertThat(fields(wrongType)).containsExactly("boundaryVersion");
        Api.Response badPath = couple.first.post("/api/agreements/not-a-uuid/red-flags", Map.of("indicator", "STRESS"));
        assertProblem(badPath, 400);
        assertThat(fields(badPath)).containsExactly("agreementId");
        Api.Response badBodyId = couple.first.post(couple.path("/breaches"), Map.of("boundaryId", "nope",
                "breachedBy", "r-di", "description", "x", "occurredAt", "yesterday"));
        assertThat(fields(badBodyId)).containsExactlyInAnyOrder("boundaryId", "occurredAt");
        Api.Response tooLong = api.as("r-cy").post("/api/agreements", Map.of("title", "t".repeat(201)));
        assertThat(fields(tooLong)).containsExactly("title");
        Api.Response notAnObject = couple.first.post(couple.path("/invitations"), "[1,2]");
        assertProblem(notAnObject, 400);
        Api.Response control = api.as("r-cy").post("/api/agreements", Map.of("title", "bell\u0007"));
        assertThat(fields(control)).containsExactly("title");
        assertProblem(api.as("r-cy").post("/api/agreements", "{\"title\":\"a\",\"title\":\"b\"}"), 400);
        assertProblem(couple.first.post(couple.path("/boundaries/a%2Fb/acceptances"), Map.of("boundaryVersion", 1)), 400);
        assertProblem(couple.first.post(couple.path("/boundaries/%2e%2e/acceptances"), Map.of("boundaryVersion", 1)), 400);
        Api.Response fraction = couple.second.post(couple.path("/boundaries/" + boundary + "/acceptances"),
                Map.of("boundaryVersion", 1.5));
        assertThat(fields(fraction)).containsExactly("boundaryVersion");
        assertProblem(couple.first.header("If-Match", "abc").post(couple.path("/red-flags"), Map.of("indicator", "STRESS")),
                400);

        assertThat(storedEvents(couple.agreementId)).isEqualTo(before);
    }

    @Test
    void aBrokenRuleIs409WithTheRuleInDetail() {
        Couple couple = Couple.formed(api, "r-ed", "r-fa");
        String boundary = couple.activeBoundary("FLIRTATION");
        long before = storedEvents(couple.agreementId);

        Api.Response again = couple.second.post(couple.path("/boundaries/" + boundary + "/acceptances"),
                Map.of("boundaryVersion", 1));

        assertProblem(again, 409);
        assertThat(again.field("detail")).isNotBlank();
        assertThat(again.field("rule")).isEqualTo("NO_PENDING_VERSION");
        assertThat(storedEvents(couple.agreementId)).isEqualTo(before);
    }

    @Test
    void aStrangerGets404FromEveryCommandEndpoint() {
        Couple couple = Couple.formed(api, "r-gil", "r-hal");
        String boundary = couple.activeBoundary("ONLINE_ENGAGEMENT");
        String breach = couple.first.post(couple.path("/breaches"), Map.of("boundaryId", boundary, "breachedBy",
                "r-hal", "description", "d", "occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).toString()))
                .field("breachId");
        String flag = couple.first.post(couple.path("/red-flags"), Map.of("indicator", "STRESS")).field("flagId");
        assertThat(couple.first.post(couple.path("/counsellors"), Map.of("counsellorId", "dr-x")).status()).isEqualTo(201);
        long before = storedEvents(couple.agreementId);
        Api.Caller stranger = api.as("r-stranger");
        String b = "/boundaries/" + boundary;

        List<Api.Response> answers = new ArrayList<>();
        answers.add(stranger.post(couple.path("/invitations"), Map.of("partnerId", "r-stranger")));
        answers.add(stranger.post(couple.path("/join")));
        answers.add(stranger.post(couple.path("/leave")));
        answers.add(stranger.post(couple.path("/boundaries"), Map.of("category", "OTHER", "statement", "s")));
        answers.add(stranger.post(couple.path(b + "/acceptances"), Map.of("boundaryVersion", 1)));
        answers.add(stranger.post(couple.path(b + "/declines"), Map.of("boundaryVersion", 1)));
        answers.add(stranger.post(couple.path(b + "/withdrawal")));
        answers.add(stranger.post(couple.path(b + "/revisions"), Map.of("category", "OTHER", "statement", "s")));
        answers.add(stranger.post(couple.path(b + "/consent-withdrawals")));
        answers.add(stranger.post(couple.path(b + "/reaffirmations")));
        answers.add(stranger.post(couple.path(b + "/retirements")));
        answers.add(stranger.post(couple.path("/breaches"), Map.of("boundaryId", boundary, "breachedBy", "r-hal",
                "description", "d", "occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).toString())));
        answers.add(stranger.post(couple.path("/breaches/" + breach + "/acknowledgement")));
        answers.add(stranger.post(couple.path("/breaches/" + breach + "/resolutions")));
        answers.add(stranger.post(couple.path("/red-flags"), Map.of("indicator", "STRESS")));
        answers.add(stranger.post(couple.path("/red-flags/" + flag + "/addressing")));
        answers.add(stranger.post(couple.path("/counsellors"), Map.of("counsellorId", "dr-y")));
        answers.add(stranger.post(couple.path("/counsellors/dr-x/approvals")));
        answers.add(stranger.delete(couple.path("/counsellors/dr-x")));

        assertThat(answers).hasSize(19).allSatisfy(answer -> assertProblem(answer, 404))
                .allSatisfy(answer -> assertThat(answer.body().path("detail").asText()).as(answer.toString())
                        .isEqualTo("No such agreement."));
        assertThat(storedEvents(couple.agreementId)).isEqualTo(before);
    }

    @Test
    void counsellorsAndAuditorsIssueNoCommands() {
        Couple couple = Couple.formed(api, "r-nan", "r-oli");
        assertThat(couple.first.post(couple.path("/counsellors"), Map.of("counsellorId", "r-dr-pat")).status()).isEqualTo(201);
        long before = storedEvents(couple.agreementId);

        Api.Caller notYetGranted = api.as("r-dr-pat", "counsellor");
        assertProblem(notYetGranted.post(couple.path("/red-flags"), Map.of("indicator", "STRESS")), 404);
        assertThat(couple.second.post(couple.path("/counsellors/r-dr-pat/approvals")).status()).isEqualTo(200);
        before = storedEvents(couple.agreementId);

        assertProblem(notYetGranted.post(couple.path("/red-flags"), Map.of("indicator", "STRESS")), 403);
        assertProblem(api.as("r-dr-pat", "counsellor").post("/api/agreements", Map.of("title", "mine")), 403);
        assertProblem(api.as("r-aud", "auditor").post(couple.path("/red-flags"), Map.of("indicator", "STRESS")), 403);
        assertProblem(api.as("r-dr-other", "counsellor").post(couple.path("/red-flags"), Map.of("indicator", "STRESS")),
                404);
        assertThat(storedEvents(couple.agreementId)).isEqualTo(before);
    }

    @Test
    void unknownAgreementsBoundariesBreachesFlagsAndGrantsAre404NamingWhatIsMissing() {
        Couple couple = Couple.formed(api, "r-ivy", "r-jay");
        String unknown = UUID.randomUUID().toString();

        assertNotFound(couple.first.post("/api/agreements/" + unknown + "/red-flags", Map.of("indicator", "STRESS")),
                "No such agreement.");
        assertNotFound(couple.first.post(couple.path("/boundaries/" + unknown + "/acceptances"),
                Map.of("boundaryVersion", 1)), "No such boundary.");
        assertNotFound(couple.first.post(couple.path("/breaches"), Map.of("boundaryId", unknown, "breachedBy", "r-jay",
                "description", "d", "occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).toString())),
                "No such boundary.");
        assertNotFound(couple.first.post(couple.path("/breaches/" + unknown + "/acknowledgement")), "No such breach.");
        assertNotFound(couple.first.post(couple.path("/red-flags/" + unknown + "/addressing")), "No such red flag.");
        assertNotFound(couple.first.post(couple.path("/counsellors/nobody/approvals")), "No such counsellor grant.");
        assertNotFound(couple.first.delete(couple.path("/counsellors/nobody")), "No such counsellor grant.");
        assertProblem(couple.first.get("/api/no-such-endpoint"), 404);
    }

    /** 404 naming what is missing: only a partner learns it is something inside their agreement. */
    private static void assertNotFound(Api.Response response, String detail) {
        assertProblem(response, 404);
        assertThat(response.body().path("detail").asText()).as(response.toString()).isEqualTo(detail);
    }

    @Test
    void aStaleIfMatchIs412AndACurrentOneIsAccepted() {
        Couple couple = Couple.formed(api, "r-kai", "r-lou");
        long current = storedEvents(couple.agreementId) - 1;

        Api.Response stale = couple.first.header("If-Match", "\"" + (current - 1) + "\"")
                .post(couple.path("/red-flags"), Map.of("indicator", "STRESS"));
        assertProblem(stale, 412);
        Api.Response ahead = api.as("r-kai").header("If-Match", "\"" + (current + 5) + "\"")
                .post(couple.path("/red-flags"), Map.of("indicator", "STRESS"));
        assertProblem(ahead, 412);
        assertThat(storedEvents(couple.agreementId)).isEqualTo(current + 1);

        Api.Response fresh = api.as("r-kai").header("If-Match", "\"" + current + "\"")
                .post(couple.path("/red-flags"), Map.of("indicator", "STRESS"));
        assertThat(fresh.status()).as(fresh.toString()).isEqualTo(201);
        assertThat(fresh.version()).isEqualTo(current + 1);
    }

    @Test
    void bodiesOver64KiBAre413AndOtherMediaTypes415() {
        long before = allStoredEvents();
        String big = "{\"title\":\"" + "x".repeat(70 * 1024) + "\"}";

        assertProblem(api.as("r-max").postRaw("/api/agreements", big, "application/json"), 413);
        assertProblem(api.as("r-max").postRaw("/api/agreements", "title=x", "text/plain"), 415);
        assertProblem(api.as("r-max").postRaw("/api/agreements", "title=x", "application/x-www-form-urlencoded"), 415);
        assertThat(allStoredEvents()).isEqualTo(before);
    }

    @Test
    void requestsWithoutAValidTokenAre401() {
        long before = allStoredEvents();
        Instant inAnHour = Instant.now().plus(1, ChronoUnit.HOURS);
        String wrongKey = Api.token("mallory", List.of(), inAnHour, "another-secret-that-is-also-32-bytes-long");
        String expired = Api.token("mallory", List.of(), Instant.now().minus(1, ChronoUnit.HOURS), SECRET);
        String noSubject = Api.token(null, List.of(), inAnHour, SECRET);
        String noExpiry = Api.token("mallory", List.of(), null, SECRET);
        String valid = Api.token("mallory", List.of(), inAnHour, SECRET);
        String[] parts = valid.split("\\.");
        String algNone = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes()) + "." + parts[1] + ".";

        for (Api.Caller caller : List.of(api.anonymous(), api.withToken(wrongKey), api.withToken(expired),
                api.withToken(noSubject), api.withToken(noExpiry), api.withToken(algNone), api.withToken("garbage"))) {
            Api.Response refused = caller.post("/api/agreements", Map.of("title", "t"));
            assertProblem(refused, 401);
            assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
        }
        assertThat(allStoredEvents()).isEqualTo(before);
    }

    static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
        JsonNode body = response.body();
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("title").asText()).isNotBlank();
        assertThat(response.text()).doesNotContain("Exception", "org.", "java.", "SQL", "\tat ");
    }

    static List<String> fields(Api.Response response) {
        return StreamSupport.stream(response.body().path("errors").spliterator(), false)
                .map(error -> error.path("field").asText()).toList();
    }
}
