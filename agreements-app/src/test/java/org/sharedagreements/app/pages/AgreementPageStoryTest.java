package org.sharedagreements.app.pages;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.kernel.access.Role;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sharedagreements.app.pages.AgreementPageSteps.boundary;
import static org.sharedagreements.app.pages.AgreementPageSteps.item;
import static org.sharedagreements.app.pages.AgreementPageSteps.main;
import static org.sharedagreements.app.pages.AgreementPageSteps.someone;

/**
 * The couple's story of issue 14, every step through the agreement page's forms, each result read back through
 * the HTTP API: invite, join, propose, accept, revise and accept the revision, withdraw consent, reaffirm,
 * self-disclose a breach and confirm it resolved, request a counsellor (who then reads the page, read-only),
 * approve, revoke.
 */
class AgreementPageStoryTest extends ApiTest {

    private AgreementPageSteps steps;

    @BeforeEach
    void steps() {
        steps = new AgreementPageSteps(pages, api);
    }

    @Test
    void aCoupleLivesTheirAgreementThroughThePages() throws Exception {
        String alex = someone("alex");
        String sam = someone("sam");
        String counsellor = someone("counsellor");
        String title = "Phones away at dinner";
        String a = steps.draft(alex, title);

        // invite and join (an invitee cannot read the agreement before joining: the join button is posted from
        // wherever the invitation reached them, and lands on the page)
        steps.act(alex, a, "/invitations", "partnerId", " " + sam + " ");
        assertThat(steps.page(sam, a).getResponse().getStatus()).isEqualTo(404);
        AgreementPageSteps.Landed joined = steps.act(sam, a, "/join");
        assertThat(joined.anchor()).isEqualTo("partners");
        assertThat(steps.state(alex, a).path("status").asText()).isEqualTo("ACTIVE");
        String alexSees = steps.pageText(alex, a);
        assertThat(alexSees).contains("Your partner").contains("data-live-agreement=\"" + a + "\"")
                .contains("data-live-region").contains("/web/live.js");
        assertThat(main(alexSees)).doesNotContain(sam);

        // propose and accept
        AgreementPageSteps.Landed proposed = steps.act(alex, a, "/boundaries", "category", "FLIRTATION",
                "statement", "We keep flirting for each other", "measure", "", "consequence", "We talk it through",
                "reviewEvery", "14");
        String b = proposed.id();
        assertThat(proposed.anchor()).isEqualTo("boundary-" + b);
        JsonNode pending = boundary(steps.state(sam, a), b);
        assertThat(pending.path("status").asText()).isEqualTo("PROPOSED");
        assertThat(pending.path("pending").path("terms").path("reviewEvery").asText()).isEqualTo("P14D");
        assertThat(main(steps.pageText(sam, a))).contains("id=\"accept-" + b + "\"")
                .contains("proposed by Your partner");
        steps.act(sam, a, "/boundaries/" + b + "/acceptances", "boundaryVersion", "1");
        assertThat(boundary(steps.state(alex, a), b).path("status").asText()).isEqualTo("ACTIVE");

        // revise, and accept the revision
        steps.act(sam, a, "/boundaries/" + b + "/revisions", "category", "FLIRTATION",
                "statement", "We keep flirting for each other, online too", "reviewEvery", "P30D");
        JsonNode revised = boundary(steps.state(alex, a), b);
        assertThat(revised.path("pending").path("boundaryVersion").asInt()).isEqualTo(2);
        steps.act(alex, a, "/boundaries/" + b + "/acceptances", "boundaryVersion", "2");
        JsonNode accepted = boundary(steps.state(alex, a), b);
        assertThat(accepted.path("activeVersion").asInt()).isEqualTo(2);
        assertThat(accepted.path("terms").path("statement").asText())
                .isEqualTo("We keep flirting for each other, online too");

        // withdraw consent: one button, no reason, no confirmation step; then both reaffirm
        assertThat(main(steps.pageText(sam, a))).contains("id=\"consent-" + b + "\"");
        steps.act(sam, a, "/boundaries/" + b + "/consent-withdrawals");
        assertThat(boundary(steps.state(alex, a), b).path("status").asText()).isEqualTo("SUSPENDED");
        steps.act(sam, a, "/boundaries/" + b + "/reaffirmations");
        steps.act(alex, a, "/boundaries/" + b + "/reaffirmations");
        assertThat(boundary(steps.state(alex, a), b).path("status").asText()).isEqualTo("ACTIVE");

        // self-disclose a breach, and both confirm it resolved
        AgreementPageSteps.Landed disclosed = steps.act(alex, a, "/breaches", "boundaryId", b, "breachedBy", "me",
                "description", "I flirted at the party", "occurredAt",
                LocalDate.now(ZoneOffset.UTC).minusDays(1) + "T21:30");
        String r = disclosed.id();
        JsonNode breach = item(steps.state(sam, a), "breaches", "breachId", r);
        assertThat(breach.path("selfDisclosed").asBoolean()).isTrue();
        assertThat(breach.path("breachedBy").asText()).isEqualTo(alex);
        assertThat(main(steps.pageText(sam, a))).contains("id=\"resolve-" + r + "\"")
                .doesNotContain("id=\"acknowledge-" + r + "\"");
        steps.act(alex, a, "/breaches/" + r + "/resolutions", "note", "We talked");
        steps.act(sam, a, "/breaches/" + r + "/resolutions");
        assertThat(item(steps.state(sam, a), "breaches", "breachId", r).path("status").asText())
                .isEqualTo("RESOLVED");

        // request a counsellor, approve; the counsellor reads the page, with no form; revoke
        steps.act(alex, a, "/counsellors", "counsellorId", counsellor);
        assertThat(item(steps.state(sam, a), "counsellors", "counsellorId", counsellor).path("status").asText())
                .isEqualTo("PENDING");
        steps.act(sam, a, "/counsellors/" + counsellor + "/approvals");
        assertThat(item(steps.state(sam, a), "counsellors", "counsellorId", counsellor).path("status").asText())
                .isEqualTo("GRANTED");
        String counsellorSees = main(steps.pageText(counsellor, a, Role.COUNSELLOR));
        assertThat(counsellorSees).contains("We keep flirting for each other, online too").contains("id=\"read-only\"")
                .doesNotContain("<form").doesNotContain(alex).doesNotContain(sam);
        steps.act(sam, a, "/counsellors/" + counsellor + "/revocation");
        assertThat(item(steps.state(alex, a), "counsellors", "counsellorId", counsellor).path("status").asText())
                .isEqualTo("REVOKED");
        assertThat(steps.page(counsellor, a, Role.COUNSELLOR).getResponse().getStatus()).isEqualTo(404);
    }
}
