package org.sharedagreements.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sharedagreements.app.web.CommandRefusalsTest.assertProblem;
import static org.sharedagreements.app.web.CommandRefusalsTest.fields;

/**
 * The language of a boundary's texts ({@code terms.language}, README "Adding a command field"): taken with the
 * terms, validated by the request record, carried by the events and sealed like the texts.
 */
class BoundaryLanguageTest extends ApiTest {

    @Test
    void theTermsCarryTheLanguageTheirTextsAreWrittenIn() {
        Couple couple = Couple.formed(api, "l-ana", "l-bia");

        Api.Response proposed = couple.first.post(couple.path("/boundaries"), Map.of(
                "category", "FLIRTATION", "statement", "Sem flertes no trabalho", "language", "pt-BR"));

        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        JsonNode events = couple.second.get(couple.path("/timeline?minVersion=" + proposed.version()))
                .body().path("events");
        JsonNode proposal = events.get(events.size() - 1);
        assertThat(proposal.path("type").asText()).isEqualTo("BoundaryProposed");
        assertThat(proposal.path("data").path("terms").path("language").asText()).isEqualTo("pt-BR");
    }

    @Test
    void theLanguageIsSealedInTheStoredEventLikeTheTexts() {
        Couple couple = Couple.formed(api, "l-cai", "l-dee");
        String tag = "tlh-Latn-x" + Long.toString(System.nanoTime() % 100_000_000L, 36);

        Api.Response proposed = couple.first.post(couple.path("/boundaries"), Map.of(
                "category", "FLIRTATION", "statement", "qaStaH nuq", "language", tag));

        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        List<byte[]> payloads = jdbc.query("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?",
                (rs, n) -> rs.getBytes(1), couple.agreementId);
        assertThat(payloads).isNotEmpty()
                .allSatisfy(payload -> assertThat(new String(payload, StandardCharsets.UTF_8)).doesNotContain(tag));
    }

    @Test
    void aLanguageThatIsNoTagIsRefusedWithTheOtherFieldsAndStoresNothing() {
        Couple couple = Couple.formed(api, "l-eve", "l-fay");
        long before = storedEvents(couple.agreementId);

        Api.Response refused = couple.first.post(couple.path("/boundaries"), Map.of(
                "category", "FLIRTATION", "language", "Portuguese, please"));
        Api.Response wrongType = couple.first.post(couple.path("/boundaries"), Map.of(
                "category", "FLIRTATION", "statement", "No flirting", "language", 7));

        assertProblem(refused, 400);
        assertThat(fields(refused)).containsExactlyInAnyOrder("statement", "language");
        assertProblem(wrongType, 400);
        assertThat(fields(wrongType)).containsExactly("language");
        assertThat(storedEvents(couple.agreementId)).isEqualTo(before);
    }
}
