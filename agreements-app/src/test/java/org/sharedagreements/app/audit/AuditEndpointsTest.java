package org.sharedagreements.app.audit;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditor's view: every agreement's chain head, timelines redacted to types, times, sequence numbers,
 * pseudonymous actors and hashes, verification, and exports without payloads; never a title, category, free
 * text or user id.
 */
class AuditEndpointsTest extends ApiTest {

    private static final String TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    @Test
    void theListingHasEveryAgreementsChainHead() {
        Couple couple = Couple.formed(api, unique("ada"), unique("bo"));
        Api.Caller auditor = auditor();

        Api.Response listing = auditor.get("/api/audit/agreements");

        assertThat(listing.status()).as(listing.toString()).isEqualTo(200);
        JsonNode entry = find(listing.body(), couple.agreementId);
        assertThat(entry).as("listing holds the agreement").isNotNull();
        assertThat(fieldNames(entry)).containsExactly("agreementId", "eventCount", "headHash", "lastEventAt");
        assertThat(entry.path("eventCount").asLong()).isEqualTo(storedEvents(couple.agreementId));
        assertThat(entry.path("headHash").asText())
                .isEqualTo(couple.first.get(couple.path("/verification?minVersion=2")).body().path("headHash")
                        .asText());
        assertThat(entry.path("lastEventAt").asText()).matches(TIME);
        assertThat(listing.body().size()).isEqualTo(distinctAgreements());
    }

    @Test
    void theListingPagesByAgreementId() {
        Couple.formed(api, unique("cy"), unique("di"));
        Couple.formed(api, unique("ed"), unique("fi"));
        Api.Caller auditor = auditor();

        JsonNode firstTwo = auditor.get("/api/audit/agreements?limit=2").body();
        assertThat(firstTwo.size()).isEqualTo(2);
        JsonNode next = auditor.get("/api/audit/agreements?limit=1&after=" + firstTwo.get(0).path("agreementId")
                .asText()).body();
        assertThat(next.get(0).path("agreementId")).isEqualTo(firstTwo.get(1).path("agreementId"));
        assertProblem(auditor.get("/api/audit/agreements?limit=0"), 400);
        assertProblem(auditor.get("/api/audit/agreements?minVersion=1"), 400);
    }

    @Test
    void theTimelineIsRedactedAndActorsArePseudonymsInOrderOfJoining() {
        String ann = unique("ann");
        String ben = unique("ben");
        String cat = unique("cat");
        Api.Caller first = api.as(ann);
        String id = first.post("/api/agreements", Map.of("title", "Three of us")).field("agreementId");
        first.post("/api/agreements/" + id + "/invitations", Map.of("partnerId", ben));
        first.post("/api/agreements/" + id + "/invitations", Map.of("partnerId", cat));
        assertThat(api.as(cat).post("/api/agreements/" + id + "/join").status()).isEqualTo(200);
        long version = api.as(ben).post("/api/agreements/" + id + "/join").version();

        Api.Response timeline = auditor().get("/api/audit/agreements/" + id + "/timeline?minVersion=" + version);

        assertThat(timeline.status()).as(timeline.toString()).isEqualTo(200);
        JsonNode events = timeline.body().path("events");
        assertThat(timeline.body().path("nextAfter").isNull()).isTrue();
        assertThat(events.size()).isEqualTo(5);
        assertThat(texts(events, "type")).containsExactly("AgreementDrafted", "PartnerInvited", "PartnerInvited",
                "PartnerJoined", "PartnerJoined");
        assertThat(texts(events, "actor")).containsExactly("partner-1", "partner-1", "partner-1", "partner-2",
                "partner-3");
        for (JsonNode event : events) {
            assertThat(fieldNames(event)).containsExactly("sequence", "type", "at", "actor", "hash");
            assertThat(event.path("at").asText()).matches(TIME);
        }
        JsonNode partners = first.get("/api/agreements/" + id + "/timeline?minVersion=" + version).body()
                .path("events");
        assertThat(texts(events, "hash")).isEqualTo(texts(partners, "hash"));
        assertThat(texts(events, "at")).isEqualTo(texts(partners, "at"));
        assertThat(timeline.text()).doesNotContain(ann, ben, cat, "Three of us");
    }

    @Test
    void theTimelinePagesLikeThePartnersTimelineWithStablePseudonyms() {
        Couple couple = Couple.formed(api, unique("gil"), unique("hal"));
        couple.activeBoundary("INTIMACY_PACE");
        Api.Caller auditor = auditor();
        String path = "/api/audit/agreements/" + couple.agreementId + "/timeline";

        List<JsonNode> all = new ArrayList<>();
        Long after = null;
        int pages = 0;
        do {
            JsonNode page = auditor.get(path + "?limit=4" + (after == null ? "" : "&after=" + after)).body();
            page.path("events").forEach(all::add);
            after = page.path("nextAfter").isNull() ? null : page.path("nextAfter").asLong();
            pages++;
        } while (after != null && pages < 10);

        assertThat(pages).isEqualTo(2);
        assertThat(all).extracting(e -> e.path("sequence").asLong()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(all).extracting(e -> e.path("actor").isNull() ? null : e.path("actor").asText())
                .containsExactly("partner-1", "partner-1", "partner-2", "partner-1", "partner-2", "partner-2");
        assertProblem(auditor.get(path + "?limit=501"), 400);
        assertProblem(auditor.get(path + "?after=x"), 400);
    }

    @Test
    void verificationAndTheRedactedExportMatchThePartners() {
        Couple couple = Couple.formed(api, unique("ida"), unique("jo"));
        couple.activeBoundary("EMOTIONAL_CLOSENESS");
        Api.Caller auditor = auditor();
        String base = "/api/audit/agreements/" + couple.agreementId;

        JsonNode verdict = auditor.get(base + "/verification").body();
        JsonNode export = auditor.get(base + "/export").body();

        assertThat(verdict).isEqualTo(couple.first.get(couple.path("/verification?minVersion=5")).body());
        assertThat(verdict.path("valid").asBoolean()).isTrue();
        assertThat(export.path("headHash").asText()).isEqualTo(verdict.path("headHash").asText());
        assertThat(export.path("events").size()).isEqualTo(6);
        for (JsonNode event : export.path("events")) {
            assertThat(fieldNames(event))
                    .containsExactly("sequence", "type", "at", "payloadDigest", "prevHash", "hash");
        }
    }

    @Test
    void auditorsNeverSeeContentTitlesCategoriesOrUserIds() {
        String marker = "mk-" + UUID.randomUUID().toString().substring(0, 8);
        String title = "Title " + marker;
        String statement = "Statement " + marker;
        String description = "Breach story " + marker;
        String note = "Flag note " + marker;
        String ann = unique("kay");
        String ben = unique("lou");
        String counsellor = unique("dr-may");
        Api.Caller first = api.as(ann);
        Api.Caller second = api.as(ben);
        String id = first.post("/api/agreements", Map.of("title", title)).field("agreementId");
        String path = "/api/agreements/" + id;
        first.post(path + "/invitations", Map.of("partnerId", ben));
        second.post(path + "/join");
        String boundary = first.post(path + "/boundaries", Map.of("category", "DIGITAL_PRIVACY", "statement",
                statement, "measure", "Measure " + marker, "consequence", "Consequence " + marker)).field("boundaryId");
        second.post(path + "/boundaries/" + boundary + "/acceptances", Map.of("boundaryVersion", 1));
        assertThat(first.post(path + "/breaches", Map.of("boundaryId", boundary, "breachedBy", ben, "description",
                description, "occurredAt", Instant.now().minus(2, ChronoUnit.HOURS).toString())).status())
                .isEqualTo(201);
        second.post(path + "/red-flags", Map.of("indicator", "RESENTMENT", "note", note));
        first.post(path + "/counsellors", Map.of("counsellorId", counsellor));
        long version = second.post(path + "/counsellors/" + counsellor + "/approvals").version();
        assertThat(storedEvents(id)).isEqualTo(version + 1);
        Api.Caller auditor = auditor();
        String base = "/api/audit/agreements/" + id;

        List<Api.Response> responses = List.of(auditor.get("/api/audit/agreements"),
                auditor.get(base + "/timeline?minVersion=" + version), auditor.get(base + "/verification"),
                auditor.get(base + "/export"));

        for (Api.Response response : responses) {
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.text()).doesNotContain(marker, ann, ben, counsellor, "DIGITAL_PRIVACY",
                    "RESENTMENT", "enc:v1:", "summary", "data");
        }
        assertThat(responses.get(1).text()).contains("BoundaryBroken", "RedFlagRaised", "CounsellorAccessGranted");
    }

    @Test
    void anErasedAgreementStillVerifiesForAuditors() {
        String ned = unique("ned");
        String ora = unique("ora");
        Couple couple = Couple.formed(api, ned, ora);
        couple.activeBoundary("OTHER");
        Api.Caller auditor = auditor();
        // drafted, invited, joined, proposed, accepted, activated: version 5
        List<String> actorsBefore = actors(auditor.get("/api/audit/agreements/" + couple.agreementId
                + "/timeline?minVersion=5").body());
        assertThat(actorsBefore).contains("partner-1", "partner-2").doesNotContain(ned, ora);
        long erased = couple.first.post(couple.path("/erasure")).version();

        JsonNode verdict = auditor.get("/api/audit/agreements/" + couple.agreementId + "/verification?minVersion="
                + erased).body();
        assertThat(verdict.path("valid").asBoolean()).isTrue();
        assertThat(verdict.path("eventCount").asLong()).isEqualTo(erased + 1);
        JsonNode timeline = auditor.get("/api/audit/agreements/" + couple.agreementId + "/timeline").body();
        JsonNode last = timeline.path("events").get((int) erased);
        assertThat(last.path("type").asText()).isEqualTo("AgreementErased");
        assertThat(last.path("hash").asText()).isEqualTo(verdict.path("headHash").asText());
        assertThat(actors(timeline)).as("the same pseudonyms replay after erasure")
                .startsWith(actorsBefore.toArray(String[]::new)).endsWith("partner-1");
    }

    /**
     * The same two people in two agreements, doing the same: every stored payload differs (user ids are sealed with
     * a fresh nonce), so no digest an auditor sees confirms a guess of who {@code partner-1} is.
     */
    @Test
    void noDigestAnAuditorSeesConfirmsAGuessOfWhoThePartnersAre() {
        String ann = unique("pia");
        String ben = unique("quin");
        Couple one = Couple.formed(api, ann, ben);
        Couple two = Couple.formed(api, ann, ben);
        Api.Caller auditor = auditor();

        JsonNode first = auditor.get("/api/audit/agreements/" + one.agreementId + "/export?minVersion=2").body();
        JsonNode second = auditor.get("/api/audit/agreements/" + two.agreementId + "/export?minVersion=2").body();
        for (int i = 0; i < 3; i++) {
            assertThat(first.path("events").get(i).path("type").asText())
                    .isEqualTo(second.path("events").get(i).path("type").asText());
            assertThat(first.path("events").get(i).path("payloadDigest").asText()).as("event " + i)
                    .isNotEqualTo(second.path("events").get(i).path("payloadDigest").asText());
        }
    }

    private static List<String> actors(JsonNode timeline) {
        List<String> actors = new java.util.ArrayList<>();
        timeline.path("events").forEach(event -> actors.add(event.path("actor").asText(null)));
        return actors;
    }

    @Test
    void aVersionTheEventStoreDoesNotHoldYetIs503WithRetryAfter() {
        Couple couple = Couple.formed(api, unique("sal"), unique("tim"));

        Api.Response response = auditor().get("/api/audit/agreements/" + couple.agreementId
                + "/verification?minVersion=99");

        assertProblem(response, 503);
        assertThat(response.header("Retry-After")).isNotBlank();
        assertProblem(auditor().get("/api/audit/agreements/" + couple.agreementId + "/export?minVersion=x"), 400);
    }

    @Test
    void unknownAgreementsAre404AndBadIdsAre400ForAuditors() {
        Api.Caller auditor = auditor();
        String unknown = "/api/audit/agreements/" + UUID.randomUUID();
        for (String suffix : List.of("/timeline", "/verification", "/export")) {
            assertProblem(auditor.get(unknown + suffix), 404);
            assertProblem(auditor.get("/api/audit/agreements/nope" + suffix), 400);
        }
    }

    @Test
    void everyoneElseIsToldTheseEndpointsDoNotExist() {
        Couple couple = Couple.formed(api, unique("pia"), unique("quin"));
        String counsellor = unique("dr-rae");
        couple.first.post(couple.path("/counsellors"), Map.of("counsellorId", counsellor));
        couple.second.post(couple.path("/counsellors/" + counsellor + "/approvals"));
        String base = "/api/audit/agreements/" + couple.agreementId;
        List<Api.Caller> others = List.of(couple.first, api.as(counsellor, "counsellor"),
                api.as(unique("stranger")), api.as(unique("op"), "operator"));

        for (Api.Caller other : others) {
            for (String suffix : List.of("/timeline", "/verification", "/export")) {
                assertProblem(other.get(base + suffix), 404);
                assertProblem(other.get("/api/audit/agreements/nope" + suffix), 404);
            }
            assertProblem(other.get("/api/audit/agreements"), 403);
        }
        assertProblem(api.anonymous().get(base + "/timeline"), 401);
        assertProblem(api.anonymous().get("/api/audit/agreements"), 401);
    }

    private Api.Caller auditor() {
        return api.as(unique("audrey"), "auditor");
    }

    private long distinctAgreements() {
        Long count = jdbc.queryForObject("SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry",
                Long.class);
        return count == null ? 0 : count;
    }

    private static JsonNode find(JsonNode listing, String agreementId) {
        for (JsonNode entry : listing) {
            if (entry.path("agreementId").asText().equals(agreementId)) {
                return entry;
            }
        }
        return null;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode events, String field) {
        List<String> values = new ArrayList<>();
        events.forEach(e -> values.add(e.path(field).isNull() ? null : e.path(field).asText()));
        return values;
    }

    private static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
