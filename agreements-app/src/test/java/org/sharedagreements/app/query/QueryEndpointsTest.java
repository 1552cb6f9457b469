package org.sharedagreements.app.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The query endpoints over HTTP on PostgreSQL: commands go through the real command endpoints, queries read
 * their own writes with {@code minVersion}.
 */
class QueryEndpointsTest extends ApiTest {

    private static final String INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    private static long version(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response.version();
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The first partner proposes, the second accepts: answers {boundaryId, version after activation}. */
    private static String[] agreedBoundary(Couple couple, String statement) {
        Api.Response proposed = couple.first.post(couple.path("/boundaries"), Map.of("category", "ONLINE_ENGAGEMENT",
                "statement", statement, "measure", "We can ask", "consequence", "We talk", "reviewEvery", "P30D"));
        String boundaryId = proposed.field("boundaryId");
        long version = version(couple.second.post(couple.path("/boundaries/" + boundaryId + "/acceptances"),
                Map.of("boundaryVersion", 1)));
        return new String[]{boundaryId, Long.toString(version)};
    }

    private static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body().path("status").asInt()).isEqualTo(status);
    }

    @Test
    void theStateOfAnAgreementReadsItsOwnWrites() {
        Couple couple = Couple.formed(api, unique("ada"), unique("ben"));
        String[] boundary = agreedBoundary(couple, "No private messages with exes – für uns beide ✓");

        Api.Response state = couple.first.get(couple.path("?minVersion=" + boundary[1]));

        assertThat(state.status()).as(state.toString()).isEqualTo(200);
        assertThat(state.header("Content-Type")).startsWith("application/json");
        JsonNode body = state.body();
        assertThat(body.path("agreementId").asText()).isEqualTo(couple.agreementId);
        assertThat(body.path("title").asText()).isEqualTo("Our agreement");
        assertThat(body.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(body.path("version").asLong()).isEqualTo(Long.parseLong(boundary[1]));
        assertThat(body.has("asOf")).isFalse();
        assertThat(body.path("partners")).hasSize(2);
        assertThat(body.path("partners").get(1).path("status").asText()).isEqualTo("JOINED");
        JsonNode b = body.path("boundaries").get(0);
        assertThat(b.path("boundaryId").asText()).isEqualTo(boundary[0]);
        assertThat(b.path("category").asText()).isEqualTo("ONLINE_ENGAGEMENT");
        assertThat(b.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(b.path("activeVersion").asInt()).isEqualTo(1);
        assertThat(b.path("terms").path("statement").asText())
                .isEqualTo("No private messages with exes – für uns beide ✓");
        assertThat(b.path("terms").path("reviewEvery").asText()).isEqualTo("P30D");
        assertThat(b.path("pending").isNull()).isTrue();
        assertThat(b.path("nextReviewAt").asText()).matches(INSTANT);
        assertThat(b.path("reviewDue").asBoolean()).isFalse();
        assertThat(body.path("breaches").isArray()).isTrue();
        assertThat(body.path("redFlags").isArray()).isTrue();
        assertThat(body.path("counsellors").isArray()).isTrue();
    }

    @Test
    void theTimelinePagesThroughEveryEvent() {
        String ada = unique("ada");
        Couple couple = Couple.formed(api, ada, unique("ben"));
        long head = Long.parseLong(agreedBoundary(couple, "We share our phones")[1]);
        assertThat(head).isEqualTo(5);

        Api.Response first = couple.second.get(couple.path("/timeline?limit=4&minVersion=" + head));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        JsonNode events = first.body().path("events");
        assertThat(events).hasSize(4);
        assertThat(first.body().path("nextAfter").asLong()).isEqualTo(3);
        List<String> types = new ArrayList<>();
        events.forEach(e -> types.add(e.path("type").asText()));
        assertThat(types).containsExactly("AgreementDrafted", "PartnerInvited", "PartnerJoined", "BoundaryProposed");
        JsonNode drafted = events.get(0);
        assertThat(drafted.path("sequence").asLong()).isZero();
        assertThat(drafted.path("actor").asText()).isEqualTo(ada);
        assertThat(drafted.path("at").asText()).matches(INSTANT);
        assertThat(drafted.path("summary").asText()).isEqualTo(ada + " drafted the agreement.");
        assertThat(drafted.path("data").path("title").asText()).isEqualTo("Our agreement");
        assertThat(drafted.path("data").has("agreementId")).isFalse();
        assertThat(drafted.path("data").has("actor")).isFalse();
        List<String> storedHashes = jdbc.queryForList("SELECT hash FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number", String.class, couple.agreementId);
        List<String> hashes = new ArrayList<>();
        events.forEach(e -> hashes.add(e.path("hash").asText()));
        assertThat(hashes).as("each event's hash as the event store keeps it")
                .containsExactlyElementsOf(storedHashes.subList(0, 4))
                .allMatch(hash -> hash.matches("[0-9a-f]{64}")).doesNotHaveDuplicates();

        Api.Response rest = couple.second.get(couple.path("/timeline?after=3&limit=4"));
        assertThat(rest.body().path("events")).hasSize(2);
        assertThat(rest.body().path("events").get(0).path("sequence").asLong()).isEqualTo(4);
        assertThat(rest.body().path("events").get(1).path("type").asText()).isEqualTo("BoundaryActivated");
        assertThat(rest.body().path("nextAfter").isNull()).isTrue();

        Api.Response all = couple.second.get(couple.path("/timeline"));
        assertThat(all.body().path("events")).hasSize(6);
        assertThat(all.body().path("nextAfter").isNull()).isTrue();
    }

    @Test
    void theHistoryOfABoundaryShowsEveryVersionAndWhatChanged() {
        Couple couple = Couple.formed(api, unique("ada"), unique("ben"));
        String boundaryId = agreedBoundary(couple, "No flirting at work")[0];
        String path = "/boundaries/" + boundaryId;
        version(couple.second.post(couple.path(path + "/revisions"), Map.of("category", "FLIRTATION",
                "statement", "No flirting at work, online too", "reviewEvery", "P14D")));
        version(couple.first.post(couple.path(path + "/declines"), Map.of("boundaryVersion", 2, "reason", "vague")));
        version(couple.second.post(couple.path(path + "/revisions"), Map.of("category", "ONLINE_ENGAGEMENT",
                "statement", "No flirting at work events", "measure", "We can ask", "consequence", "We talk",
                "reviewEvery", "P30D")));
        long head = version(couple.first.post(couple.path(path + "/acceptances"), Map.of("boundaryVersion", 3)));

        Api.Response history = couple.first.get(couple.path(path + "/history?minVersion=" + head));

        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        JsonNode versions = history.body().path("versions");
        assertThat(versions).hasSize(3);
        assertThat(versions.get(0).path("outcome").asText()).isEqualTo("SUPERSEDED");
        assertThat(versions.get(0).path("kind").asText()).isEqualTo("PROPOSAL");
        assertThat(versions.get(0).path("acceptedBy")).hasSize(2);
        assertThat(versions.get(1).path("outcome").asText()).isEqualTo("DECLINED");
        assertThat(versions.get(1).path("reason").asText()).isEqualTo("vague");
        assertThat(versions.get(1).path("terms").path("category").asText()).isEqualTo("FLIRTATION");
        assertThat(versions.get(2).path("outcome").asText()).isEqualTo("ACTIVATED");
        assertThat(versions.get(2).path("terms").path("statement").asText()).isEqualTo("No flirting at work events");
        JsonNode changes = history.body().path("changes");
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).path("fromVersion").asInt()).isEqualTo(1);
        assertThat(changes.get(0).path("toVersion").asInt()).isEqualTo(3);
        JsonNode fields = changes.get(0).path("fields");
        assertThat(fields).hasSize(1);
        assertThat(fields.get(0).path("field").asText()).isEqualTo("statement");
        assertThat(fields.get(0).path("from").asText()).isEqualTo("No flirting at work");
        assertThat(fields.get(0).path("to").asText()).isEqualTo("No flirting at work events");

        assertProblem(couple.first.get(couple.path("/boundaries/" + UUID.randomUUID() + "/history")), 404);
    }

    @Test
    void asOfFoldsTheEventsUpToThatInstant() {
        Couple couple = Couple.formed(api, unique("ada"), unique("ben"));
        Instant formed = lastEventAt(couple, 2);
        waitPast(formed);
        String[] boundary = agreedBoundary(couple, "Version one");
        Instant firstActive = lastEventAt(couple, Long.parseLong(boundary[1]));
        waitPast(firstActive);
        String path = "/boundaries/" + boundary[0];
        version(couple.second.post(couple.path(path + "/revisions"), Map.of("category", "ONLINE_ENGAGEMENT",
                "statement", "Version two", "reviewEvery", "P14D")));
        long head = version(couple.first.post(couple.path(path + "/acceptances"), Map.of("boundaryVersion", 2)));
        Instant secondActive = lastEventAt(couple, head);

        Instant drafted = Instant.parse(couple.first.get(couple.path("/timeline?limit=1")).body()
                .path("events").get(0).path("at").asText());
        assertProblem(couple.first.get(couple.path("?asOf=" + drafted.minusMillis(1))), 404);

        JsonNode beforeProposal = couple.first.get(couple.path("?asOf=" + formed)).body();
        assertThat(beforeProposal.path("asOf").asText()).isEqualTo(formed.toString());
        assertThat(beforeProposal.path("version").asLong()).isEqualTo(2);
        assertThat(beforeProposal.path("boundaries")).isEmpty();

        JsonNode betweenVersions = couple.first.get(couple.path("?asOf=" + firstActive)).body();
        JsonNode v1 = betweenVersions.path("boundaries").get(0);
        assertThat(v1.path("activeVersion").asInt()).isEqualTo(1);
        assertThat(v1.path("terms").path("statement").asText()).isEqualTo("Version one");
        assertThat(v1.path("pending").isNull()).isTrue();

        JsonNode after = couple.first.get(couple.path("?asOf=" + secondActive)).body();
        JsonNode v2 = after.path("boundaries").get(0);
        assertThat(v2.path("activeVersion").asInt()).isEqualTo(2);
        assertThat(v2.path("terms").path("statement").asText()).isEqualTo("Version two");
        assertThat(v2.path("terms").path("reviewEvery").asText()).isEqualTo("P14D");
        assertThat(after.path("version").asLong()).isEqualTo(head);

        Api.Response current = couple.first.get(couple.path("?minVersion=" + head));
        assertThat(current.body().path("boundaries")).isEqualTo(after.path("boundaries"));
    }

    /** The {@code at} of the agreement's event {@code sequence}, read from the timeline once it is there. */
    private Instant lastEventAt(Couple couple, long sequence) {
        Api.Response page = couple.first.get(couple.path("/timeline?after=" + (sequence - 1) + "&limit=1&minVersion="
                + sequence));
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return Instant.parse(page.body().path("events").get(0).path("at").asText());
    }

    /** Lets the clock move past {@code instant}, so the next event is stored strictly later. */
    private static void waitPast(Instant instant) {
        await().pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(1))
                .until(() -> Instant.now().isAfter(instant.plusMillis(1)));
    }

    @Test
    void theListShowsTheCallersAgreements() {
        String ada = unique("ada");
        Couple couple = Couple.formed(api, ada, unique("ben"));
        Api.Response list = couple.first.get("/api/agreements?minVersion=2&agreementId=" + couple.agreementId);

        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.body()).hasSize(1);
        JsonNode line = list.body().get(0);
        assertThat(line.path("agreementId").asText()).isEqualTo(couple.agreementId);
        assertThat(line.path("title").asText()).isEqualTo("Our agreement");
        assertThat(line.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(line.path("role").asText()).isEqualTo("PARTNER");
        assertThat(line.path("version").asLong()).isEqualTo(2);
        assertThat(line.path("lastEventAt").asText()).matches(INSTANT);

        assertThat(api.as(unique("stranger")).get("/api/agreements").body()).isEmpty();
        Api.Response withoutAgreement = couple.first.get("/api/agreements?minVersion=2");
        assertProblem(withoutAgreement, 400);
        assertThat(withoutAgreement.body().path("errors").get(0).path("field").asText()).isEqualTo("agreementId");
    }

    @Test
    void onlyPartnersAndGrantedCounsellorsSeeAnAgreement() {
        String counsellor = unique("carol");
        Couple couple = Couple.formed(api, unique("ada"), unique("ben"));
        String invitee = unique("cy");
        long invited = version(couple.first.post(couple.path("/invitations"), Map.of("partnerId", invitee)));
        Api.Caller carol = api.as(counsellor, "counsellor");

        assertProblem(api.as(unique("stranger")).get(couple.path("?minVersion=" + invited)), 404);
        assertProblem(api.as(invitee).get(couple.path("?minVersion=" + invited)), 404);
        assertProblem(api.as(unique("stranger")).get(couple.path("/timeline")), 404);
        assertProblem(carol.get(couple.path("")), 404);
        assertProblem(api.as(unique("ada")).get("/api/agreements/" + UUID.randomUUID()), 404);

        version(couple.first.post(couple.path("/counsellors"), Map.of("counsellorId", counsellor)));
        long granted = version(couple.second.post(couple.path("/counsellors/" + counsellor + "/approvals")));

        Api.Response seen = carol.get(couple.path("?minVersion=" + granted));
        assertThat(seen.status()).as(seen.toString()).isEqualTo(200);
        assertThat(seen.body().path("counsellors").get(0).path("status").asText()).isEqualTo("GRANTED");
        assertThat(carol.get(couple.path("/timeline")).status()).isEqualTo(200);
        JsonNode list = carol.get("/api/agreements").body();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("role").asText()).isEqualTo("COUNSELLOR");
        assertProblem(api.as(counsellor).get(couple.path("")), 404);

        long revoked = version(couple.second.delete(couple.path("/counsellors/" + counsellor)));
        assertProblem(carol.get(couple.path("?minVersion=" + revoked)), 404);
        assertThat(carol.get("/api/agreements").body()).isEmpty();
        assertThat(carol.get("/api/counsellor/caseload").body()).isEmpty();
    }

    @Test
    void theCaseloadShowsWhatNeedsAttention() {
        String counsellor = unique("carol");
        String ben = unique("ben");
        Couple couple = Couple.formed(api, unique("ada"), ben);
        String boundaryId = agreedBoundary(couple, "We are honest about new friendships")[0];
        version(couple.first.post(couple.path("/counsellors"), Map.of("counsellorId", counsellor)));
        version(couple.second.post(couple.path("/counsellors/" + counsellor + "/approvals")));
        version(couple.first.post(couple.path("/breaches"), Map.of("boundaryId", boundaryId, "breachedBy", ben,
                "description", "A secret chat", "occurredAt", Instant.now().minusSeconds(3600).toString())));
        long head = version(couple.second.post(couple.path("/red-flags"), Map.of("indicator", "STRESS")));
        Api.Caller carol = api.as(counsellor, "counsellor");

        Api.Response caseload = carol.get("/api/counsellor/caseload?minVersion=" + head + "&agreementId="
                + couple.agreementId);

        assertThat(caseload.status()).as(caseload.toString()).isEqualTo(200);
        assertThat(caseload.body()).hasSize(1);
        JsonNode entry = caseload.body().get(0);
        assertThat(entry.path("agreementId").asText()).isEqualTo(couple.agreementId);
        assertThat(entry.path("needsAttention").asBoolean()).isTrue();
        assertThat(entry.path("openBreaches")).hasSize(1);
        assertThat(entry.path("openBreaches").get(0).path("breachedBy").asText()).isEqualTo(ben);
        assertThat(entry.path("openRedFlags")).hasSize(1);
        assertThat(entry.path("reviewsDue")).isEmpty();
        assertThat(entry.path("stalePendingProposals")).isEmpty();

        assertProblem(couple.first.get("/api/counsellor/caseload"), 403);
    }

    @Test
    void minVersionBeyondTheHeadIsServiceUnavailableWithRetryAfter() {
        Couple couple = Couple.formed(api, unique("ada"), unique("ben"));

        Api.Response response = couple.first.get(couple.path("?minVersion=99"));

        assertProblem(response, 503);
        assertThat(response.header("Retry-After")).isEqualTo("1");
    }

    @Test
    void badParametersAreReportedTogether() {
        Couple couple = Couple.formed(api, unique("ada"), unique("ben"));

        Api.Response badId = couple.first.get("/api/agreements/not-a-uuid");
        assertProblem(badId, 400);
        assertThat(badId.body().path("errors").get(0).path("field").asText()).isEqualTo("agreementId");

        Api.Response badPage = couple.first.get(couple.path("/timeline?limit=501&after=x&minVersion=-1"));
        assertProblem(badPage, 400);
        List<String> fields = new ArrayList<>();
        badPage.body().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).containsExactly("after", "limit", "minVersion");

        assertProblem(couple.first.get(couple.path("/timeline?limit=0")), 400);
        Api.Response badInstant = couple.first.get(couple.path("?asOf=yesterday"));
        assertProblem(badInstant, 400);
        assertThat(badInstant.body().path("errors").get(0).path("field").asText()).isEqualTo("asOf");
        assertProblem(couple.first.get(couple.path("/boundaries/nope/history")), 400);
    }

    @Test
    void erasurePurgesTheReadModels() {
        String ada = unique("ada");
        String ben = unique("ben");
        Couple couple = Couple.formed(api, ada, ben);
        String boundaryId = agreedBoundary(couple, "Something very private")[0];
        Instant beforeErasure = Instant.now();
        long erased = version(couple.first.post(couple.path("/erasure")));

        JsonNode state = couple.first.get(couple.path("?minVersion=" + erased)).body();
        assertThat(state.path("status").asText()).isEqualTo("ERASED");
        assertThat(state.path("title").asText()).isEqualTo("[erased]");
        assertThat(state.path("boundaries").get(0).path("category").asText()).isEqualTo("[erased]");
        assertThat(state.path("boundaries").get(0).path("terms").path("statement").asText()).isEqualTo("[erased]");

        Api.Response timeline = couple.first.get(couple.path("/timeline?minVersion=" + erased));
        assertThat(timeline.text()).doesNotContain("Something very private").doesNotContain("Our agreement");
        Api.Response history = couple.first.get(couple.path("/boundaries/" + boundaryId + "/history?minVersion="
                + erased));
        assertThat(history.text()).doesNotContain("Something very private");
        Api.Response asOf = couple.first.get(couple.path("?asOf=" + Instant.now()));
        assertThat(asOf.text()).doesNotContain("Something very private").doesNotContain("Our agreement");
        JsonNode earlier = couple.first.get(couple.path("?asOf=" + beforeErasure)).body();
        assertThat(earlier.path("status").asText()).as("as it was then").isEqualTo("ACTIVE");
        assertThat(earlier.toString()).as("nobody is named, not even by a stand-in").doesNotContain(ada)
                .doesNotContain(ben).doesNotContain("[erased:").doesNotContain("Something very private");
        assertThat(earlier.path("partners")).hasSize(2)
                .allMatch(partner -> partner.path("partnerId").asText().equals("[erased]"));
    }

    @Test
    void queriesNeedAToken() {
        assertThat(api.anonymous().get("/api/agreements").status()).isEqualTo(401);
    }
}
