package org.sharedagreements.app.pages;

import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;
import org.sharedagreements.kernel.access.Role;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sharedagreements.app.support.Pages.perform;
import static org.sharedagreements.app.support.Pages.person;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /app/caseload}: a counsellor sees the agreements every partner granted them, the one needing attention
 * first, each with what needs it and links to its read-only page and timeline; nobody else has a caseload (403,
 * as {@code GET /api/counsellor/caseload}).
 */
class CaseloadPageTest extends ApiTest {

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aCounsellorSeesTheGrantedAgreementsMostUrgentFirstWithWhatNeedsAttention() throws Exception {
        String counsellor = unique("dr-page");
        Couple calm = Couple.formed(api, unique("ada"), unique("ben"));
        calm.activeBoundary("ONLINE_ENGAGEMENT");
        grant(calm, counsellor);
        String ben = unique("ben");
        Couple troubled = Couple.formed(api, unique("cleo"), ben);
        String boundary = troubled.activeBoundary("DIGITAL_PRIVACY");
        grant(troubled, counsellor);
        String description = "A secret chat " + UUID.randomUUID();
        assertThat(troubled.first.post(troubled.path("/breaches"), Map.of("boundaryId", boundary, "breachedBy", ben,
                "description", description, "occurredAt", Instant.now().minusSeconds(3600).toString())).status())
                .isEqualTo(201);
        long head = troubled.second.post(troubled.path("/red-flags"), Map.of("indicator", "STRESS")).version();
        Couple notGranted = Couple.formed(api, unique("dan"), unique("eve"));
        assertThat(notGranted.first.post(notGranted.path("/counsellors"), Map.of("counsellorId", counsellor))
                .status()).as("requested, never approved").isEqualTo(201);
        awaitCaseload(counsellor, troubled, head);

        String page = page(person(counsellor, "Dr Carol", Role.COUNSELLOR));

        assertThat(page).contains("data-agreement-id=\"" + troubled.agreementId + "\"",
                "data-agreement-id=\"" + calm.agreementId + "\"");
        assertThat(page.indexOf(troubled.agreementId)).as("the agreement needing attention comes first")
                .isLessThan(page.indexOf(calm.agreementId));
        assertThat(page).doesNotContain(notGranted.agreementId);
        String troubledCard = card(page, troubled.agreementId);
        assertThat(troubledCard).contains("data-needs-attention=\"true\"", "2 things need your attention",
                "data-attention=\"breach\"", "is not acknowledged yet", "data-attention=\"red-flag\"", "(stress)",
                "href=\"/app/agreements/" + troubled.agreementId + "\"",
                "href=\"/app/agreements/" + troubled.agreementId + "/timeline\"");
        assertThat(card(page, calm.agreementId)).contains("data-needs-attention=\"false\"",
                "Nothing needs your attention here right now.");
        assertThat(page).as("the caseload names what needs attention, not what the partners wrote")
                .doesNotContain(description);
    }

    @Test
    void anEmptyCaseloadSaysSoKindly() throws Exception {
        String page = page(person(unique("dr-new"), Role.COUNSELLOR));
        assertThat(page).contains("id=\"caseload-empty\"", "No couple has given you access to an agreement yet.")
                .doesNotContain("id=\"caseload\"");
    }

    @Test
    void nobodyButACounsellorHasACaseload() throws Exception {
        String counsellor = unique("dr-only");
        String ada = unique("ada");
        Couple couple = Couple.formed(api, ada, unique("ben"));
        grant(couple, counsellor);
        for (RequestPostProcessor someone : new RequestPostProcessor[]{person(ada),
                person(counsellor), person(unique("aud"), Role.AUDITOR), person(unique("ops"), Role.OPERATOR)}) {
            String body = perform(pages, get("/app/caseload").with(someone)).andExpect(status().isForbidden())
                    .andReturn().getResponse().getContentAsString();
            assertThat(body).doesNotContain(couple.agreementId);
        }
    }

    private void grant(Couple couple, String counsellor) {
        assertThat(couple.first.post(couple.path("/counsellors"), Map.of("counsellorId", counsellor)).status())
                .isEqualTo(201);
        assertThat(couple.second.post(couple.path("/counsellors/" + counsellor + "/approvals")).status())
                .isEqualTo(200);
    }

    /** Waits as a client would, through the API's {@code minVersion}, for the read model the page reads. */
    private void awaitCaseload(String counsellor, Couple couple, long version) {
        Api.Response caught = api.as(counsellor, "counsellor").get("/api/counsellor/caseload?minVersion=" + version
                + "&agreementId=" + couple.agreementId);
        assertThat(caught.status()).as(caught.toString()).isEqualTo(200);
    }

    private String page(RequestPostProcessor who) throws Exception {
        return perform(pages, get("/app/caseload").with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    /** The card of one agreement: from its list item to the next one. */
    private static String card(String page, String agreementId) {
        int start = page.indexOf("data-agreement-id=\"" + agreementId + "\"");
        int end = page.indexOf("data-agreement-id=", start + 1);
        return page.substring(start, end < 0 ? page.length() : end);
    }
}
