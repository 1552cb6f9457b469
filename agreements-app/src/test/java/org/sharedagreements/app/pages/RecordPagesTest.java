package org.sharedagreements.app.pages;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;
import org.sharedagreements.kernel.access.Role;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sharedagreements.app.support.Pages.perform;
import static org.sharedagreements.app.support.Pages.person;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The record pages on the real context and database: the timeline in sentences that name the boundary, the as-of
 * view, a boundary's versions side by side, the printable record and its PDF; 404 for anyone but the partners.
 */
class RecordPagesTest extends ApiTest {

    private static final String STATEMENT = "We tell each other about new online friendships";
    private static final String REVISED = "We tell each other about new online friendships within a day";

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A couple with one boundary in force; waits until every read model applied its last event. */
    private record Agreed(Couple couple, String alice, String ben, String boundaryId) {
    }

    private Agreed agreed() {
        String alice = unique("alice");
        String ben = unique("ben");
        Couple couple = Couple.formed(api, alice, ben);
        String boundaryId = couple.activeBoundary("ONLINE_ENGAGEMENT");
        caughtUp(couple.first, couple, 5);
        return new Agreed(couple, alice, ben, boundaryId);
    }

    private static void caughtUp(Api.Caller caller, Couple couple, long version) {
        Api.Response timeline = caller.get(couple.path("/timeline?minVersion=" + version));
        assertThat(timeline.status()).as(timeline.toString()).isEqualTo(200);
    }

    private MockHttpServletResponse page(String path, String userId, int status, Role... roles) throws Exception {
        MockHttpServletResponse response = perform(pages, get(path).with(person(userId, roles))).andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(path + ": " + response.getContentAsString()).isEqualTo(status);
        return response;
    }

    /** What a refusal says: its main element (the head's CSRF token and the header's name differ per session). */
    private static String answer(MockHttpServletResponse response) throws Exception {
        String body = response.getContentAsString();
        int main = body.indexOf("<main");
        return main < 0 ? body : body.substring(main, body.indexOf("</main>", main));
    }

    private static String path(Agreed agreed, String suffix) {
        return "/app/agreements/" + agreed.couple().agreementId + suffix;
    }

    @Test
    void aPartnerReadsTheTimelineInSentencesThatNameTheBoundary() throws Exception {
        Agreed agreed = agreed();

        String asAlice = page(path(agreed, "/timeline"), agreed.alice(), 200).getContentAsString();
        assertThat(asAlice)
                .contains("You proposed the boundary \u201c" + STATEMENT + "\u201d (version 1).")
                .contains("Your partner accepted version 1 of the boundary \u201c" + STATEMENT + "\u201d.")
                .contains("Every partner accepted version 1 of the boundary \u201c" + STATEMENT
                        + "\u201d, so it is now in force.")
                .contains("You invited your partner to join as a partner.")
                .containsPattern("<time datetime=\"\\d{4}-\\d{2}-\\d{2}T[^\"]+Z\">")
                .contains("data-live-agreement=\"" + agreed.couple().agreementId + "\"")
                .contains("data-live-region");
        String asBen = page(path(agreed, "/timeline"), agreed.ben(), 200).getContentAsString();
        assertThat(asBen).contains("Your partner proposed the boundary \u201c" + STATEMENT + "\u201d (version 1).")
                .contains("You accepted version 1 of the boundary");
    }

    @Test
    void aGrantedCounsellorReadsTheRecordWithThePartnersNamedAndAnUngrantedOneIsNotFound() throws Exception {
        Agreed agreed = agreed();
        Couple couple = agreed.couple();
        String counsellor = unique("dr");
        String pending = unique("dr");
        assertThat(couple.first.post(couple.path("/counsellors"), Map.of("counsellorId", counsellor)).status())
                .isEqualTo(201);
        long granted = couple.second.post(couple.path("/counsellors/" + counsellor + "/approvals")).version();
        assertThat(couple.first.post(couple.path("/counsellors"), Map.of("counsellorId", pending)).status())
                .isEqualTo(201);
        caughtUp(couple.first, couple, granted + 1);

        String timeline = page(path(agreed, "/timeline"), counsellor, 200, Role.COUNSELLOR).getContentAsString();
        assertThat(timeline).contains("Partner " + agreed.alice() + " proposed the boundary \u201c" + STATEMENT)
                .contains("so counsellor " + counsellor + " has access.");
        page(path(agreed, "/record"), counsellor, 200, Role.COUNSELLOR);
        page(path(agreed, "/timeline"), pending, 404, Role.COUNSELLOR);
        page(path(agreed, "/record.pdf"), pending, 404, Role.COUNSELLOR);
    }

    @Test
    void theTimelineIsPagedWithAfterAndLimitAndRefusesBadValues() throws Exception {
        Agreed agreed = agreed();

        String first = page(path(agreed, "/timeline?limit=2"), agreed.alice(), 200).getContentAsString();
        assertThat(first).contains("data-sequence=\"0\"").contains("data-sequence=\"1\"")
                .doesNotContain("data-sequence=\"2\"")
                .contains("href=\"/app/agreements/" + agreed.couple().agreementId + "/timeline?after=1&amp;limit=2\"")
                .doesNotContain("id=\"earlier\"");
        String second = page(path(agreed, "/timeline?after=1&limit=2"), agreed.alice(), 200).getContentAsString();
        assertThat(second).contains("data-sequence=\"2\"").contains("data-sequence=\"3\"")
                .doesNotContain("data-sequence=\"1\"").contains("id=\"earlier\"").contains("id=\"later\"");

        String bad = page(path(agreed, "/timeline?limit=0"), agreed.alice(), 422).getContentAsString();
        assertThat(bad).contains("role=\"alert\"").contains("from 1 to 500");
    }

    @Test
    void theAsOfViewShowsTheAgreementBeforeTheBoundaryWasAccepted() throws Exception {
        Agreed agreed = agreed();

        String now = page(path(agreed, "/timeline"), agreed.alice(), 200).getContentAsString();
        assertThat(now).contains("type=\"range\"").contains("<label for=\"at\"")
                .contains("data-boundary-id=\"" + agreed.boundaryId() + "\" data-status=\"ACTIVE\"");

        // event 3 is the proposal; 4 and 5 are the acceptance and the activation
        String before = page(path(agreed, "/timeline?at=3"), agreed.alice(), 200).getContentAsString();
        assertThat(before)
                .contains("data-boundary-id=\"" + agreed.boundaryId() + "\" data-status=\"PROPOSED\"")
                .contains("As it was after event 3 of 5")
                .contains("value=\"3\"");
        String beforeAnyBoundary = page(path(agreed, "/timeline?at=2"), agreed.alice(), 200).getContentAsString();
        assertThat(beforeAnyBoundary).contains("It had no boundaries then.");

        String bad = page(path(agreed, "/timeline?at=99"), agreed.alice(), 422).getContentAsString();
        assertThat(bad).contains("role=\"alert\"").contains("data-status=\"ACTIVE\"");
    }

    @Test
    void theHistoryPageShowsEveryVersionSideBySideAndWhatChanged() throws Exception {
        Agreed agreed = agreed();
        Couple couple = agreed.couple();
        Api.Response revised = couple.first.post(couple.path("/boundaries/" + agreed.boundaryId() + "/revisions"),
                Map.of("category", "ONLINE_ENGAGEMENT", "statement", REVISED, "reviewEvery", "P30D"));
        assertThat(revised.status()).as(revised.toString()).isEqualTo(201);
        Api.Response accepted = couple.second.post(couple.path("/boundaries/" + agreed.boundaryId() + "/acceptances"),
                Map.of("boundaryVersion", 2));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        Api.Response history = couple.first.get(couple.path("/boundaries/" + agreed.boundaryId()
                + "/history?minVersion=" + accepted.version()));
        assertThat(history.status()).as(history.toString()).isEqualTo(200);

        String page = page(path(agreed, "/boundaries/" + agreed.boundaryId()), agreed.ben(), 200)
                .getContentAsString();
        assertThat(page)
                .contains("<th scope=\"col\" data-version=\"1\">Version 1</th>")
                .contains("<th scope=\"col\" data-version=\"2\">Version 2</th>")
                .contains("Accepted, later replaced by a newer version")
                .contains("Accepted by every partner; in force")
                .contains("<del>" + STATEMENT + "</del>")
                .contains(REVISED);
        assertThat(page.split("data-changed=\"true\"", -1)).as("only the statement changed").hasSize(2);
        assertThat(page).containsPattern("data-version=\"2\" data-changed=\"true\"[^>]*>\\s*<span class=\"value\">"
                + REVISED);

        page("/app/agreements/" + couple.agreementId + "/boundaries/" + UUID.randomUUID(), agreed.alice(), 404);
    }

    @Test
    void thePrintableRecordAndItsPdfHoldTheBoundariesAndTheVerification() throws Exception {
        Agreed agreed = agreed();

        MockHttpServletResponse html = page(path(agreed, "/record"), agreed.alice(), 200);
        assertThat(html.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(html.getContentAsString()).contains(STATEMENT)
                .contains("Verified: all 6 events are intact and in order")
                .contains("id=\"verification-events\">6<")
                .contains("data-valid=\"true\"")
                .containsPattern("id=\"record-produced\">.*\\s*<time datetime=");

        MockHttpServletResponse pdf = page(path(agreed, "/record.pdf"), agreed.alice(), 200);
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(pdf.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(pdf.getHeader("Content-Disposition")).startsWith("attachment");
        StringBuilder text = new StringBuilder();
        try (PdfReader reader = new PdfReader(pdf.getContentAsByteArray())) {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
        }
        String extracted = text.toString().replaceAll("\\s+", " ");
        assertThat(extracted).contains("A record of agreed-upon boundaries").contains("Our agreement")
                .contains(STATEMENT).contains("Verified: all 6 events are intact and in order")
                .contains("Head hash:");
    }

    @Test
    void everyRecordPageIsNotFoundForAStrangerAsForAnAgreementThatDoesNotExist() throws Exception {
        Agreed agreed = agreed();
        String stranger = unique("stranger");
        String random = UUID.randomUUID().toString();
        for (String suffix : List.of("/timeline", "/timeline?at=3", "/boundaries/" + agreed.boundaryId(), "/record",
                "/record.pdf", "/live")) {
            MockHttpServletResponse theirs = page(path(agreed, suffix), stranger, 404);
            MockHttpServletResponse none = page("/app/agreements/" + random + suffix, agreed.alice(), 404);
            assertThat(answer(theirs).replace(agreed.couple().agreementId, random)).as(suffix)
                    .isEqualTo(answer(none)).doesNotContain(STATEMENT);
        }
    }
}
