package org.sharedagreements.app.pages;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.independent.IndependentVerifier;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;
import org.sharedagreements.kernel.access.Role;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sharedagreements.app.support.Pages.perform;
import static org.sharedagreements.app.support.Pages.person;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The auditor's pages: every agreement's chain head, one agreement's redacted timeline (pseudonyms, no content)
 * with its verification, checkpoints and key, and the redacted export as a download that verifies offline. Anyone
 * else gets what the audit API gives them: 403 for the listing, 404 for an agreement.
 */
class AuditPagesTest extends ApiTest {

    private static final Pattern NEXT = Pattern.compile("id=\"audit-next\" href=\"([^\"]+)\"");

    private String ada;
    private String ben;
    private String counsellor;
    private String title;
    private String statement;
    private String description;
    private Couple couple;
    private JsonNode verification;

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An agreement with content in every free-text field, and a granted counsellor. */
    @BeforeEach
    void agreement() {
        ada = unique("audit-ada");
        ben = unique("audit-ben");
        counsellor = unique("audit-dr");
        title = "Our private title " + UUID.randomUUID();
        statement = "A private statement " + UUID.randomUUID();
        description = "A private breach " + UUID.randomUUID();
        Api.Caller first = api.as(ada);
        Api.Response drafted = first.post("/api/agreements", Map.of("title", title));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        couple = Couple.joined(api, drafted.field("agreementId"), first, ben);
        Api.Response proposed = couple.first.post(couple.path("/boundaries"), Map.of("category", "DIGITAL_PRIVACY",
                "statement", statement));
        String boundary = proposed.field("boundaryId");
        assertThat(couple.second.post(couple.path("/boundaries/" + boundary + "/acceptances"),
                Map.of("boundaryVersion", 1)).status()).isEqualTo(200);
        assertThat(couple.first.post(couple.path("/counsellors"), Map.of("counsellorId", counsellor)).status())
                .isEqualTo(201);
        assertThat(couple.second.post(couple.path("/counsellors/" + counsellor + "/approvals")).status())
                .isEqualTo(200);
        long head = couple.second.post(couple.path("/breaches"), Map.of("boundaryId", boundary, "breachedBy", ben,
                "description", description, "occurredAt", Instant.now().minusSeconds(60).toString())).version();
        Api.Response verified = api.as(unique("aud"), "auditor")
                .get("/api/audit/agreements/" + couple.agreementId + "/verification?minVersion=" + head);
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        verification = verified.body();
    }

    @Test
    void theListingShowsEachAgreementsEventCountAndHeadHash() throws Exception {
        RequestPostProcessor auditor = person(unique("aud"), Role.AUDITOR);
        String path = "/app/audit";
        String row = null;
        for (int pages = 0; row == null && path != null && pages < 1000; pages++) {
            String page = html(path, auditor);
            int at = page.indexOf("data-agreement-id=\"" + couple.agreementId + "\"");
            if (at >= 0) {
                row = page.substring(at, page.indexOf("</tr>", at));
            }
            Matcher next = NEXT.matcher(page);
            path = next.find() ? next.group(1).replace("&amp;", "&") : null;
        }
        assertThat(row).as("the agreement is on one of the listing's pages").isNotNull();
        assertThat(row).contains(">" + verification.path("eventCount").asLong() + "<",
                "data-hash=\"" + verification.path("headHash").asText() + "\"",
                verification.path("headHash").asText().substring(0, 12),
                "href=\"/app/audit/" + couple.agreementId + "\"");
    }

    @Test
    void theAgreementPageShowsTheRedactedTimelineTheVerificationAndEachSignedCheckpoint() throws Exception {
        String page = html("/app/audit/" + couple.agreementId, person(unique("aud"), "Audra", Role.AUDITOR));

        assertThat(page).contains("data-valid=\"true\"", verification.path("headHash").asText(),
                ">partner-1<", ">partner-2<", ">BoundaryProposed<", ">BoundaryBroken<", "id=\"offline-steps\"",
                "href=\"/app/audit/" + couple.agreementId + "/export\"");
        long checkpoints = verification.path("checkpointCount").asLong();
        assertThat(checkpoints).isPositive();
        assertThat(count(page, "data-signature-valid=\"true\"")).isEqualTo(checkpoints);
        assertThat(count(page, "data-matches-chain=\"true\"")).isEqualTo(checkpoints);
        assertThat(page).doesNotContain("data-signature-valid=\"false\"", "data-matches-chain=\"false\"");
        String keyId = api.as(ada).get("/api/integrity/checkpoint-key").body().path("keyId").asText();
        assertThat(page).contains("data-key-id=\"" + keyId + "\"");
        assertNothingPrivate(page);
    }

    @Test
    void theRedactedTimelinePagesThrough() throws Exception {
        RequestPostProcessor auditor = person(unique("aud"), Role.AUDITOR);
        String first = html("/app/audit/" + couple.agreementId + "?limit=2", auditor);
        assertThat(first).contains("data-sequence=\"0\"", "data-sequence=\"1\"", "id=\"timeline-next\"",
                "after=1&amp;limit=2").doesNotContain("data-sequence=\"2\"");
        String second = html("/app/audit/" + couple.agreementId + "?after=1&limit=2", auditor);
        assertThat(second).contains("data-sequence=\"2\"", "data-sequence=\"3\"")
                .doesNotContain("data-sequence=\"1\"");
        assertNothingPrivate(second);

        String invalid = perform(pages, get("/app/audit/" + couple.agreementId + "?after=soon").with(auditor))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(invalid).contains("id=\"audit-problem\"", "role=\"alert\"");
        perform(pages, get("/app/audit/" + couple.agreementId + "?after=soon").with(person(ada)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theExportDownloadsAndVerifiesOffline() throws Exception {
        MockHttpServletResponse download = perform(pages, get("/app/audit/" + couple.agreementId + "/export")
                .with(person(unique("aud"), Role.AUDITOR))).andExpect(status().isOk()).andReturn().getResponse();

        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment").contains(".json");
        assertThat(download.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(download.getContentType()).startsWith("application/json");
        String text = download.getContentAsString();
        JsonNode export = Api.json(text);
        assertThat(export.path("headHash").asText()).isEqualTo(verification.path("headHash").asText());
        assertThat(export.path("events")).hasSize(verification.path("eventCount").asInt());
        assertThat(export.path("events").get(0).has("payload")).as("redacted").isFalse();
        IndependentVerifier verifier = IndependentVerifier.forServedKey(
                api.as(ada).get("/api/integrity/checkpoint-key").body());
        assertThat(verifier.problem(export, false)).isNull();
        assertNothingPrivate(text);
    }

    @Test
    void nobodyButAnAuditorGetsTheListingOrAnAgreementsAudit() throws Exception {
        RequestPostProcessor[] others = {person(ada), person(counsellor, Role.COUNSELLOR),
                person(unique("ops"), Role.OPERATOR)};
        String missing = UUID.randomUUID().toString();
        for (RequestPostProcessor someone : others) {
            assertThat(perform(pages, get("/app/audit").with(someone)).andExpect(status().isForbidden()).andReturn()
                    .getResponse().getContentAsString()).doesNotContain(couple.agreementId);
            for (String path : new String[]{"", "/export"}) {
                String body = perform(pages, get("/app/audit/" + couple.agreementId + path).with(someone))
                        .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
                String noSuch = perform(pages, get("/app/audit/" + missing + path)
                        .with(person(unique("aud"), Role.AUDITOR))).andExpect(status().isNotFound()).andReturn()
                        .getResponse().getContentAsString();
                assertThat(body.replace(couple.agreementId, "{a}"))
                        .as("the same answer as for an agreement that does not exist")
                        .isEqualTo(noSuch.replace(missing, "{a}"));
                assertNothingPrivate(body);
                assertThat(body).doesNotContain(verification.path("headHash").asText());
            }
        }
    }

    private void assertNothingPrivate(String text) {
        assertThat(text).doesNotContain(ada, ben, counsellor, title, statement, description);
    }

    private String html(String path, RequestPostProcessor who) throws Exception {
        return perform(pages, get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static long count(String text, String part) {
        long count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
