package org.sharedagreements.app.pages;

import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;
import org.sharedagreements.app.support.StoredState;
import org.sharedagreements.kernel.access.Role;
import org.sharedagreements.query.projection.Projections;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sharedagreements.app.support.Pages.perform;
import static org.sharedagreements.app.support.Pages.person;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /app/operations}: an operator sees every projection's status and what the projections parked (no
 * content), rebuilds the projections with a button and retries parked events; anyone else gets the admin API's
 * 403, and a button pressed without the form's CSRF token does nothing.
 */
class OperationsPageTest extends ApiTest {

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anOperatorSeesEveryProjectionAndNoContent() throws Exception {
        Couple couple = Couple.formed(api, unique("ops-ada"), unique("ops-ben"));
        String page = html("/app/operations", person(unique("ops"), Role.OPERATOR));
        for (String projection : Projections.ALL) {
            assertThat(page).contains("data-projection=\"" + projection + "\"",
                    "action=\"/app/operations/projections/" + projection + "/replay\"");
        }
        assertThat(page).contains("data-replaying=", "data-progress=", "data-dead-letters=")
                .doesNotContain(couple.agreementId, "Our agreement");
    }

    @Test
    void theRebuildButtonReplaysTheProjectionsAndThePageFollowsItToTheEnd() throws Exception {
        RequestPostProcessor operator = person(unique("ops"), Role.OPERATOR);
        Couple.formed(api, unique("ops-ada"), unique("ops-ben"));
        UUID stray = strayRow();

        MvcResult pressed = perform(pages, post("/app/operations/projections/" + Projections.TIMELINE + "/replay")
                .with(operator).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        String after = pressed.getResponse().getRedirectedUrl();
        assertThat(after).isEqualTo("/app/operations?replayed=" + Projections.TIMELINE);
        assertThat(html(after, operator)).contains("id=\"replay-started\"", "role=\"status\"");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(strayRows(stray)).as("the reset emptied the read model").isZero();
            String page = html("/app/operations", operator);
            for (String projection : Projections.ALL) {
                assertThat(row(page, projection)).contains("data-replaying=\"false\"", "data-progress=\"100.0\"");
            }
        });
    }

    @Test
    void aButtonPressedWithoutTheFormsCsrfTokenOrByAnyoneButAnOperatorDoesNothing() throws Exception {
        UUID stray = strayRow();
        String replay = "/app/operations/projections/" + Projections.TIMELINE + "/replay";

        perform(pages, post(replay).with(person(unique("ops"), Role.OPERATOR))).andExpect(status().isForbidden());
        for (RequestPostProcessor someone : new RequestPostProcessor[]{person(unique("ada")),
                person(unique("dr"), Role.COUNSELLOR), person(unique("aud"), Role.AUDITOR)}) {
            perform(pages, get("/app/operations").with(someone)).andExpect(status().isForbidden());
            perform(pages, post(replay).with(someone).with(csrf())).andExpect(status().isForbidden());
            perform(pages, post("/app/operations/dead-letters/retry").with(someone).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        perform(pages, post("/app/operations/projections/no-such-projection/replay")
                .with(person(unique("ops"), Role.OPERATOR)).with(csrf())).andExpect(status().isNotFound());
        assertThat(html("/app/operations", person(unique("ops"), Role.OPERATOR)))
                .doesNotContain("data-replaying=\"true\"");
        assertThat(strayRows(stray)).as("no rebuild ran").isOne();
        jdbc.update("DELETE FROM timeline_event WHERE agreement_id = ?", stray);
    }

    @Test
    void parkedEventsAreListedWithoutContentAndRetriedFromThePage() throws Exception {
        String counsellor = unique("dr-ops");
        Couple couple = Couple.formed(api, unique("ops-ada"), unique("ops-ben"));
        // the agreement's stored state before it has a boundary, put back below as a bad migration would
        StoredState withoutBoundary = StoredState.of(jdbc, couple.agreementId, "ACTIVE");
        String boundary = couple.activeBoundary("DIGITAL_PRIVACY");
        assertThat(couple.first.post(couple.path("/counsellors"), Map.of("counsellorId", counsellor)).status())
                .isEqualTo(201);
        long granted = couple.second.post(couple.path("/counsellors/" + counsellor + "/approvals")).version();
        assertThat(couple.first.get(couple.path("?minVersion=" + granted)).status()).isEqualTo(200);
        RequestPostProcessor operator = person(unique("ops"), Role.OPERATOR);

        // the stored state loses the boundary, so the next event about it cannot be applied and is parked
        StoredState current = StoredState.of(jdbc, couple.agreementId, null);
        withoutBoundary.restore(jdbc);
        String reason = "Needs a rethink " + UUID.randomUUID();
        long withdrawn = couple.first.post(couple.path("/boundaries/" + boundary + "/consent-withdrawals"),
                Map.of("reason", reason)).version();

        String parked = "data-parked-agreement=\"" + couple.agreementId + "\"";
        await().atMost(Duration.ofSeconds(10)).until(() -> html("/app/operations", operator).contains(parked));
        String page = html("/app/operations", operator);
        int at = page.indexOf(parked);
        String letter = page.substring(at, page.indexOf("</tr>", at));
        assertThat(letter).contains("data-parked-projection=\"" + Projections.AGREEMENT_STATE + "\"",
                "data-event-type=\"ConsentWithdrawn\"", ">" + withdrawn + "<",
                "action=\"/app/operations/dead-letters/" + Projections.AGREEMENT_STATE + "/" + couple.agreementId
                        + "/retry\"");
        assertThat(page).contains("id=\"retry-all\"").doesNotContain(reason, "Our agreement", counsellor);

        // the cause is repaired: the page's retry applies the parked event and the queue empties
        current.restore(jdbc);
        MvcResult retried = perform(pages, post("/app/operations/dead-letters/" + Projections.AGREEMENT_STATE + "/"
                + couple.agreementId + "/retry").with(operator).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String outcome = html(retried.getResponse().getRedirectedUrl(), operator);
        assertThat(outcome).contains("id=\"retry-outcome\"", "1 applied").doesNotContain(parked);
        Api.Response state = couple.first.get(couple.path("?minVersion=" + withdrawn));
        assertThat(state.body().path("boundaries").get(0).path("status").asText()).isEqualTo("SUSPENDED");
        perform(pages, post("/app/operations/dead-letters/" + Projections.AGREEMENT_STATE + "/" + couple.agreementId
                + "/retry").with(operator).with(csrf())).andExpect(status().isNotFound());
    }

    /** A timeline row no event explains: only a rebuild, whose reset empties the table, removes it. */
    private UUID strayRow() {
        UUID stray = UUID.randomUUID();
        jdbc.update("INSERT INTO timeline_event (agreement_id, sequence, type, at, summary, data) "
                + "VALUES (?, 0, 'Stray', now(), 'not from any event', '{}')", stray);
        return stray;
    }

    private long strayRows(UUID stray) {
        Long rows = jdbc.queryForObject("SELECT count(*) FROM timeline_event WHERE agreement_id = ?", Long.class, stray);
        return rows == null ? 0 : rows;
    }

    private String html(String path, RequestPostProcessor who) throws Exception {
        return perform(pages, get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static String row(String page, String projection) {
        int at = page.indexOf("data-projection=\"" + projection + "\"");
        assertThat(at).as(projection + " on the page").isNotNegative();
        return page.substring(page.lastIndexOf("<tr", at), page.indexOf(">", at));
    }
}
