package org.sharedagreements.app.pages;

import org.junit.jupiter.api.Test;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sharedagreements.app.support.Pages.perform;
import static org.sharedagreements.app.support.Pages.person;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code /app}: the signed-in person's agreements and the draft form, on the real context and database. */
class HomePageTest extends ApiTest {

    @Test
    void aDraftFromThePageIsListedForItsPartnerAndForNobodyElse() throws Exception {
        String alice = "home-" + UUID.randomUUID();
        String title = "Our phones at dinner " + UUID.randomUUID();

        MvcResult drafted = perform(pages, post("/app/agreements").param("title", title).with(person(alice)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String list = perform(pages, get(drafted.getResponse().getRedirectedUrl()).with(person(alice, "Alice")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains(title).contains("Signed in as Alice");

        String stranger = perform(pages, get("/app").with(person("home-" + UUID.randomUUID())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(stranger).doesNotContain(title);
    }

    @Test
    void whatNeedsEachPartnerIsListedWithItsOneClickAction() throws Exception {
        String hana = "home-" + UUID.randomUUID();
        String ivo = "home-" + UUID.randomUUID();
        Couple couple = Couple.formed(api, hana, ivo);
        String kept = couple.activeBoundary("DIGITAL_PRIVACY");
        String statement = "We keep phones away at dinner " + UUID.randomUUID();
        Api.Response proposed = couple.first.post(couple.path("/boundaries"),
                Map.of("category", "ONLINE_ENGAGEMENT", "statement", statement));
        String boundary = proposed.field("boundaryId");
        couple.first.post(couple.path("/breaches"), Map.of("boundaryId", kept, "breachedBy", hana,
                "description", "I liked an old photo", "occurredAt", Instant.now().minusSeconds(3600).toString()));
        String counsellor = "dr-" + UUID.randomUUID();
        long version = couple.first.post(couple.path("/counsellors"), Map.of("counsellorId", counsellor)).version();
        String stranger = "home-" + UUID.randomUUID();
        Api.Caller third = api.as(stranger);
        String other = third.post("/api/agreements", Map.of("title", "Another agreement")).field("agreementId");
        third.post("/api/agreements/" + other + "/invitations", Map.of("partnerId", ivo));

        Document forIvo = home(ivo, couple.agreementId, version);
        Element proposal = need(forIvo, "PROPOSAL");
        assertThat(proposal.attr("data-boundary-id")).isEqualTo(boundary);
        assertThat(proposal.text()).contains(statement).contains("Our agreement");
        assertThat(proposal.select("form").eachAttr("action")).containsExactly(
                "/app/agreements/" + couple.agreementId + "/boundaries/" + boundary + "/acceptances",
                "/app/agreements/" + couple.agreementId + "/boundaries/" + boundary + "/declines");
        assertThat(proposal.select("input[name=boundaryVersion]").val()).isEqualTo("1");
        assertThat(need(forIvo, "BREACH_TO_CONFIRM").select("form").attr("action"))
                .startsWith("/app/agreements/" + couple.agreementId + "/breaches/").endsWith("/resolutions");
        assertThat(need(forIvo, "COUNSELLOR_TO_APPROVE").text()).contains(counsellor);
        // the invitee may not read the other agreement, so no minVersion can wait for it: its access row lands soon
        Element invitation = await().atMost(Duration.ofSeconds(10)).until(
                () -> home(ivo, couple.agreementId, version).selectFirst("#needs [data-need=INVITATION]"),
                Objects::nonNull);
        assertThat(invitation.select("form").attr("action")).isEqualTo("/app/agreements/" + other + "/join");
        assertThat(invitation.text()).doesNotContain("Another agreement");

        // what the proposer and requester did themselves does not wait for them; the breach they disclosed does
        Document forHana = home(hana, couple.agreementId, version);
        assertThat(forHana.select("[data-need]").eachAttr("data-need")).containsExactly("BREACH_TO_CONFIRM");
        assertThat(forHana.select("button").eachAttr("aria-describedby")).allSatisfy(id ->
                assertThat(forHana.getElementById(id)).isNotNull());
    }

    private Document home(String userId, String agreementId, long version) throws Exception {
        String html = perform(pages, get("/app").param("agreementId", agreementId)
                .param("v", Long.toString(version)).with(person(userId)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html);
    }

    private static Element need(Document home, String kind) {
        Element need = home.selectFirst("#needs [data-need=" + kind + "]");
        assertThat(need).as("a need of kind " + kind + " in " + home.select("#needs").text()).isNotNull();
        return need;
    }

    @Test
    void aBadValueInTheAddressIsAPageThatSaysSo() throws Exception {
        String alice = "home-" + UUID.randomUUID();
        for (String query : new String[] {"agreementId=not-an-id", "agreementId=" + UUID.randomUUID() + "&v=abc"}) {
            String page = perform(pages, get("/app?" + query).with(person(alice)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                    .andReturn().getResponse().getContentAsString();
            assertThat(Jsoup.parse(page).select("h1").text()).as(query).isEqualTo("That request was not understood");
        }
    }

    @Test
    void aDraftWithoutCsrfOrWithoutASessionChangesNothing() throws Exception {
        String alice = "home-" + UUID.randomUUID();
        long before = allStoredEvents();
        perform(pages, post("/app/agreements").param("title", "no token").with(person(alice)))
                .andExpect(status().isForbidden());
        perform(pages, post("/app/agreements").param("title", "no session").with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(allStoredEvents()).isEqualTo(before);
    }
}
