package org.sharedagreements.app.pages;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;
import org.sharedagreements.kernel.access.Role;
import org.springframework.test.web.servlet.MvcResult;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sharedagreements.app.pages.AgreementPageSteps.main;
import static org.sharedagreements.app.pages.AgreementPageSteps.someone;
import static org.sharedagreements.app.support.Pages.perform;
import static org.sharedagreements.app.support.Pages.person;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What the agreement page does with what it may not do: a stranger learns nothing and changes nothing (the 404 of
 * a random id), a rule's refusal is 409 with its sentence, an invalid value 422 at its field, a form without its
 * CSRF token 403, an erasure without the typed title nothing; a counsellor reads but never acts. Nothing is stored
 * in any of these.
 */
class AgreementPageRefusalsTest extends ApiTest {

    /** The version of a couple's agreement once the second partner joined (drafted 0, invited 1, joined 2). */
    private static final long JOINED = 2;

    private AgreementPageSteps steps;

    @BeforeEach
    void steps() {
        steps = new AgreementPageSteps(pages, api);
    }

    @Test
    void aStrangerGetsTheSamePageAsForAnAgreementThatDoesNotExistAndChangesNothing() throws Exception {
        String ann = someone("ann");
        Couple couple = Couple.formed(api, ann, someone("bo"));
        String stranger = someone("stranger");

        MvcResult theirs = steps.page(stranger, couple.agreementId);
        MvcResult none = steps.page(stranger, UUID.randomUUID().toString());
        MvcResult notAnId = steps.page(stranger, "not-an-id");
        assertThat(theirs.getResponse().getStatus()).isEqualTo(404);
        assertThat(none.getResponse().getStatus()).isEqualTo(404);
        assertThat(notAnId.getResponse().getStatus()).isEqualTo(404);
        assertThat(withoutCsrfToken(theirs)).isEqualTo(withoutCsrfToken(none))
                .doesNotContain("Our agreement").contains("id=\"problem\"").contains("Not found");

        long before = allStoredEvents();
        assertThat(steps.submit(stranger, couple.agreementId, "/boundaries", "category", "OTHER",
                "statement", "a stranger's boundary").getResponse().getStatus()).isEqualTo(404);
        assertThat(steps.submit(stranger, couple.agreementId, "/boundaries", "category", "nonsense")
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(steps.submit(stranger, couple.agreementId, "/red-flags", "indicator", "STRESS")
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(steps.submit(stranger, couple.agreementId, "/erasure", "confirmation", "Our agreement")
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(allStoredEvents()).isEqualTo(before);
    }

    /** The page without the sign-out form's CSRF token, which Spring Security masks anew for every response. */
    private static String withoutCsrfToken(MvcResult page) throws Exception {
        return page.getResponse().getContentAsString().replaceAll("(name=\"_csrf\" value=\")[^\"]*", "$1");
    }

    @Test
    void aRefusedCommandIs409WithTheRulesSentenceAndStoresNothing() throws Exception {
        String ann = someone("ann");
        String bo = someone("bo");
        Couple couple = Couple.formed(api, ann, bo);
        Api.Response proposed = couple.first.post(couple.path("/boundaries"), Map.of("category", "DISCLOSURE",
                "statement", "We say when an old friend gets in touch"));
        String b = proposed.field("boundaryId");
        steps.pageAt(ann, couple.agreementId, proposed.version());
        long before = allStoredEvents();

        MvcResult own = steps.submit(ann, couple.agreementId, "/boundaries/" + b + "/acceptances",
                "boundaryVersion", "1");
        assertThat(own.getResponse().getStatus()).isEqualTo(409);
        assertThat(main(own.getResponse().getContentAsString())).contains("role=\"alert\"")
                .contains("You have already accepted this version.")
                .contains("We say when an old friend gets in touch");

        MvcResult stale = steps.submit(bo, couple.agreementId, "/boundaries/" + b + "/acceptances",
                "boundaryVersion", "2");
        assertThat(stale.getResponse().getStatus()).isEqualTo(409);
        assertThat(stale.getResponse().getContentAsString()).contains("That is not the pending version of this boundary.");
        assertThat(allStoredEvents()).isEqualTo(before);
    }

    @Test
    void anInvalidValueIs422AtItsFieldAndStoresNothing() throws Exception {
        String ann = someone("ann");
        Couple couple = Couple.formed(api, ann, someone("bo"));
        steps.pageAt(ann, couple.agreementId, JOINED);
        long before = allStoredEvents();

        MvcResult blank = steps.submit(ann, couple.agreementId, "/boundaries", "category", "FLIRTATION",
                "statement", "   ");
        assertThat(blank.getResponse().getStatus()).isEqualTo(422);
        assertThat(blank.getResponse().getContentAsString())
                .contains("id=\"propose-statement-problem\"")
                .contains("aria-describedby=\"propose-statement-hint propose-statement-problem\"")
                .contains("aria-invalid=\"true\"");
        assertThat(steps.submit(ann, couple.agreementId, "/boundaries", "category", "JEALOUSY",
                "statement", "Kept while the category is corrected").getResponse().getContentAsString())
                .contains("id=\"propose-category-problem\"")
                .contains(">Kept while the category is corrected</textarea>");
        assertThat(steps.submit(ann, couple.agreementId, "/boundaries", "category", "OTHER", "statement", "x",
                "reviewEvery", "400").getResponse().getStatus()).isEqualTo(422);
        assertThat(steps.submit(ann, couple.agreementId, "/boundaries", "category", "OTHER", "statement", "x",
                "reviewEvery", "P1M").getResponse().getStatus()).isEqualTo(422);
        assertThat(steps.submit(ann, couple.agreementId, "/invitations", "partnerId", "")
                .getResponse().getContentAsString()).contains("id=\"invite-partnerId-problem\"");
        assertThat(steps.submit(ann, couple.agreementId, "/red-flags", "indicator", "BOREDOM")
                .getResponse().getStatus()).isEqualTo(422);
        assertThat(allStoredEvents()).isEqualTo(before);
    }

    @Test
    void aTooLongReasonIs422AtItsFieldAndConsentStaysAsItWas() throws Exception {
        String ann = someone("ann");
        Couple couple = Couple.formed(api, ann, someone("bo"));
        String b = couple.activeBoundary("EMOTIONAL_CLOSENESS");
        steps.pageAt(ann, couple.agreementId, 4);
        long before = allStoredEvents();

        MvcResult tooLong = steps.submit(ann, couple.agreementId, "/boundaries/" + b + "/consent-withdrawals",
                "reason", "x".repeat(2001));
        assertThat(tooLong.getResponse().getStatus()).isEqualTo(422);
        assertThat(tooLong.getResponse().getContentAsString())
                .contains("id=\"consent-" + b + "-reason-problem\"")
                .contains("aria-describedby=\"consent-" + b + "-reason-problem\"");
        assertThat(allStoredEvents()).isEqualTo(before);
        assertThat(AgreementPageSteps.boundary(steps.state(ann, couple.agreementId), b).path("status").asText())
                .isEqualTo("ACTIVE");
    }

    @Test
    void aPartnerSignedInWithTheCounsellorRoleReadsTheirAgreementWithoutAnyForm() throws Exception {
        String ann = someone("ann");
        Couple couple = Couple.formed(api, ann, someone("bo"));
        assertThat(main(steps.pageAt(ann, couple.agreementId, JOINED))).contains("<form");
        assertThat(main(steps.pageAt(ann, couple.agreementId, JOINED, Role.COUNSELLOR)))
                .contains("id=\"read-only\"").doesNotContain("<form");
    }

    @Test
    void aVersionTheReadModelHasNotReachedIsACalmStillUpdatingPage() throws Exception {
        String ann = someone("ann");
        Couple couple = Couple.formed(api, ann, someone("bo"));
        MvcResult waited = steps.page(ann, couple.agreementId + "?v=999");
        assertThat(waited.getResponse().getStatus()).isEqualTo(503);
        assertThat(waited.getResponse().getHeader("Retry-After")).isNotNull();
        assertThat(waited.getResponse().getContentAsString()).contains("id=\"problem\"").contains("Still updating")
                .contains("Reload").doesNotContain("Exception");
    }

    @Test
    void aFormWithoutItsCsrfTokenIs403AndStoresNothing() throws Exception {
        String ann = someone("ann");
        Couple couple = Couple.formed(api, ann, someone("bo"));
        long before = allStoredEvents();
        perform(pages, post("/app/agreements/" + couple.agreementId + "/red-flags").param("indicator", "STRESS")
                .with(person(ann))).andExpect(result -> assertThat(result.getResponse().getStatus()).isEqualTo(403));
        assertThat(allStoredEvents()).isEqualTo(before);
    }

    @Test
    void erasingTakesTheTypedTitleAndNothingElse() throws Exception {
        String ann = someone("ann");
        String title = "Erase me " + UUID.randomUUID();
        String a = steps.draft(ann, title);
        assertThat(main(steps.pageAt(ann, a, 0))).contains("id=\"erase\"");
        long before = allStoredEvents();

        MvcResult wrong = steps.submit(ann, a, "/erasure", "confirmation", "erase");
        assertThat(wrong.getResponse().getStatus()).isEqualTo(422);
        assertThat(wrong.getResponse().getContentAsString()).contains("id=\"erase-confirmation-problem\"");
        assertThat(steps.submit(ann, a, "/erasure").getResponse().getStatus()).isEqualTo(422);
        assertThat(allStoredEvents()).isEqualTo(before);
        assertThat(steps.state(ann, a).path("status").asText()).isEqualTo("FORMING");

        steps.act(ann, a, "/erasure", "confirmation", title);
        assertThat(steps.state(ann, a).path("status").asText()).isEqualTo("ERASED");
    }

    @Test
    void aGrantedCounsellorReadsWithoutAnyFormAndMayNotAct() throws Exception {
        String ann = someone("ann");
        String counsellor = someone("counsellor");
        Couple couple = Couple.formed(api, ann, someone("bo"));
        couple.activeBoundary("ONLINE_ENGAGEMENT");
        couple.first.post(couple.path("/counsellors"), Map.of("counsellorId", counsellor));
        Api.Response granted = couple.second.post(couple.path("/counsellors/" + counsellor + "/approvals"));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);

        String page = main(steps.pageAt(counsellor, couple.agreementId, granted.version(), Role.COUNSELLOR));
        assertThat(steps.page(counsellor, couple.agreementId).getResponse().getStatus())
                .as("without the counsellor role the grant shows nothing").isEqualTo(404);
        assertThat(page).contains("We tell each other about new online friendships").doesNotContain("<form")
                .doesNotContain(ann).doesNotContain(counsellor);

        long before = allStoredEvents();
        MvcResult acted = perform(pages, post("/app/agreements/" + couple.agreementId + "/red-flags")
                .param("indicator", "STRESS").with(person(counsellor, counsellor, Role.COUNSELLOR))
                .with(csrf()))
                .andReturn();
        assertThat(acted.getResponse().getStatus()).isEqualTo(403);
        assertThat(acted.getResponse().getContentAsString()).contains("id=\"problem\"").contains("Not for your role");
        assertThat(allStoredEvents()).isEqualTo(before);
    }
}
