package org.sharedagreements.app.web;

import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives every command endpoint of the contract over HTTP against PostgreSQL, checking status, body, ETag and the stored events. */
class CommandEndpointsTest extends ApiTest {

    @Test
    void draftingAnswersCreatedWithLocationVersionAndETag() {
        Api.Response drafted = api.as("ada").post("/api/agreements", Map.of("title", "Rebuilding trust"));

        assertThat(drafted.status()).isEqualTo(201);
        String id = drafted.field("agreementId");
        assertThat(drafted.header("Location")).isEqualTo("/api/agreements/" + id);
        assertThat(drafted.version()).isZero();
        assertThat(drafted.header("ETag")).isEqualTo("\"0\"");
        assertThat(storedEvents(id)).isEqualTo(1);
    }

    @Test
    void aCoupleFormsAnAgreementAndAgreesABoundary() {
        Api.Caller ada = api.as("ada2");
        Api.Caller ben = api.as("ben2");
        String id = ada.post("/api/agreements", Map.of("title", "Ours")).field("agreementId");

        Api.Response invited = ada.post("/api/agreements/" + id + "/invitations", Map.of("partnerId", "ben2"));
        assertThat(invited.status()).isEqualTo(200);
        assertThat(invited.version()).isEqualTo(1);
        assertThat(invited.header("ETag")).isEqualTo("\"1\"");

        Api.Response joined = ben.post("/api/agreements/" + id + "/join");
        assertThat(joined.status()).isEqualTo(200);
        assertThat(joined.version()).isEqualTo(2);

        Api.Response proposed = ada.post("/api/agreements/" + id + "/boundaries", Map.of(
                "category", "ONLINE_ENGAGEMENT", "statement", "No private messages with exes",
                "measure", "Either of us may ask to see the chat list", "consequence", "We talk it through the same day",
                "reviewEvery", "P14D"));
        assertThat(proposed.status()).isEqualTo(201);
        assertThat(proposed.body().path("boundaryVersion").asInt()).isEqualTo(1);
        assertThat(proposed.field("boundaryId")).isNotBlank();
        assertThat(proposed.header("Location")).endsWith("/boundaries/" + proposed.field("boundaryId"));
        String boundary = proposed.field("boundaryId");

        Api.Response accepted = ben.post("/api/agreements/" + id + "/boundaries/" + boundary + "/acceptances",
                Map.of("boundaryVersion", 1));
        assertThat(accepted.status()).isEqualTo(200);
        // accepted + activated
        assertThat(accepted.version()).isEqualTo(proposed.version() + 2);
        assertThat(storedEvents(id)).isEqualTo(accepted.version() + 1);
        assertThat(eventTypes(id)).endsWith("BoundaryProposed", "BoundaryAccepted", "BoundaryActivated");
    }

    @Test
    void revisionsDeclinesAndWithdrawals() {
        Couple couple = Couple.formed(api, "cara", "dan");
        String boundary = couple.activeBoundary("FLIRTATION");

        Api.Response revised = couple.first.post(couple.path("/boundaries/" + boundary + "/revisions"), Map.of(
                "category", "FLIRTATION", "statement", "No flirting at work events"));
        assertThat(revised.status()).isEqualTo(201);
        assertThat(revised.body().path("boundaryVersion").asInt()).isEqualTo(2);

        Api.Response declined = couple.second.post(couple.path("/boundaries/" + boundary + "/declines"),
                Map.of("boundaryVersion", 2, "reason", "Too vague for me"));
        assertThat(declined.status()).isEqualTo(200);

        Api.Response again = couple.first.post(couple.path("/boundaries/" + boundary + "/revisions"), Map.of(
                "category", "FLIRTATION", "statement", "No flirting at work events, including online"));
        assertThat(again.body().path("boundaryVersion").asInt()).as("a declined number is never reused").isEqualTo(3);

        Api.Response withdrawn = couple.first.post(couple.path("/boundaries/" + boundary + "/withdrawal"));
        assertThat(withdrawn.status()).isEqualTo(200);

        Api.Response proposed = couple.first.post(couple.path("/boundaries"), Map.of(
                "category", "DISCLOSURE", "statement", "We share when an attraction comes up"));
        String second = proposed.field("boundaryId");
        Api.Response declinedProposal = couple.second.post(couple.path("/boundaries/" + second + "/declines"),
                Map.of("boundaryVersion", 1));
        assertThat(declinedProposal.status()).isEqualTo(200);
        assertThat(eventTypes(couple.agreementId)).contains("BoundaryRevised", "BoundaryDeclined",
                "BoundaryProposalWithdrawn");
    }

    @Test
    void consentWithdrawalReaffirmationAndRetirement() {
        Couple couple = Couple.formed(api, "eve", "finn");
        String boundary = couple.activeBoundary("INTIMACY_PACE");
        String base = couple.path("/boundaries/" + boundary);

        assertThat(couple.second.post(base + "/consent-withdrawals", Map.of("reason", "I need to slow down")).status())
                .isEqualTo(200);
        assertThat(couple.first.post(base + "/reaffirmations").status()).isEqualTo(200);
        Api.Response reinstated = couple.second.post(base + "/reaffirmations");
        assertThat(reinstated.status()).isEqualTo(200);
        assertThat(eventTypes(couple.agreementId)).contains("ConsentWithdrawn", "BoundaryReaffirmed", "BoundaryReinstated");

        assertThat(couple.first.post(base + "/consent-withdrawals").status()).as("reason is optional").isEqualTo(200);
        assertThat(couple.first.post(base + "/retirements").status()).isEqualTo(200);
        assertThat(couple.second.post(base + "/retirements").status()).isEqualTo(200);
        assertThat(eventTypes(couple.agreementId)).endsWith("BoundaryRetirementRequested", "BoundaryRetired");
    }

    @Test
    void breachesAreReportedAcknowledgedAndResolved() {
        Couple couple = Couple.formed(api, "gus", "hana");
        String boundary = couple.activeBoundary("ONLINE_ENGAGEMENT");
        Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS);

        Api.Response reported = couple.first.post(couple.path("/breaches"), Map.of("boundaryId", boundary,
                "breachedBy", "hana", "description", "Messaged an ex late at night", "occurredAt", yesterday.toString()));
        assertThat(reported.status()).isEqualTo(201);
        String breach = reported.field("breachId");
        assertThat(breach).isNotBlank();

        assertThat(couple.second.post(couple.path("/breaches/" + breach + "/acknowledgement")).status()).isEqualTo(200);
        assertThat(couple.first.post(couple.path("/breaches/" + breach + "/resolutions"), Map.of("note", "We talked")).status())
                .isEqualTo(200);
        assertThat(couple.second.post(couple.path("/breaches/" + breach + "/resolutions")).status()).isEqualTo(200);
        assertThat(eventTypes(couple.agreementId)).endsWith("BreachResolutionConfirmed", "BreachResolved");

        Api.Response disclosed = couple.second.post(couple.path("/breaches"), Map.of("boundaryId", boundary,
                "breachedBy", "hana", "description", "I liked an old photo", "occurredAt", yesterday.toString()));
        assertThat(disclosed.status()).isEqualTo(201);
        assertThat(lastPayload(couple.agreementId)).contains("\"selfDisclosed\":true");
    }

    @Test
    void redFlagsAreRaisedAndAddressed() {
        Couple couple = Couple.formed(api, "ida", "jon");
        Api.Response raised = couple.first.post(couple.path("/red-flags"), Map.of("indicator", "LONELINESS",
                "note", "Evenings feel distant"));
        assertThat(raised.status()).isEqualTo(201);
        String flag = raised.field("flagId");
        assertThat(couple.second.post(couple.path("/red-flags/" + flag + "/addressing"), Map.of("note", "Date night")).status())
                .isEqualTo(200);
        assertThat(eventTypes(couple.agreementId)).endsWith("RedFlagRaised", "RedFlagAddressed");
    }

    @Test
    void counsellorAccessIsRequestedApprovedAndRevoked() {
        Couple couple = Couple.formed(api, "kim", "lee");
        Api.Response requested = couple.first.post(couple.path("/counsellors"), Map.of("counsellorId", "dr-morgan"));
        assertThat(requested.status()).isEqualTo(201);
        assertThat(requested.field("counsellorId")).isEqualTo("dr-morgan");

        assertThat(couple.second.post(couple.path("/counsellors/dr-morgan/approvals")).status()).isEqualTo(200);
        assertThat(eventTypes(couple.agreementId)).endsWith("CounsellorAccessApproved", "CounsellorAccessGranted");

        Api.Response revoked = couple.second.delete(couple.path("/counsellors/dr-morgan"));
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(eventTypes(couple.agreementId)).endsWith("CounsellorAccessRevoked");
    }

    @Test
    void leavingEndsTheAgreementForEveryone() {
        Couple couple = Couple.formed(api, "max", "nia");
        Api.Response left = couple.second.post(couple.path("/leave"));
        assertThat(left.status()).isEqualTo(200);
        assertThat(eventTypes(couple.agreementId)).endsWith("PartnerLeft", "AgreementEnded");

        Api.Response afterwards = couple.first.post(couple.path("/red-flags"), Map.of("indicator", "STRESS"));
        assertThat(afterwards.status()).isEqualTo(409);
        assertThat(afterwards.field("detail")).contains("ended");
    }

    private java.util.List<String> eventTypes(String agreementId) {
        return jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", String.class, agreementId).stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    private String lastPayload(String agreementId) {
        byte[] payload = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number DESC LIMIT 1", byte[].class, agreementId);
        return new String(payload, java.nio.charset.StandardCharsets.UTF_8);
    }
}
