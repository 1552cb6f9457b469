package org.sharedagreements.app.pages;

import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.query.stream.TimelineStreams;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sharedagreements.app.support.Pages.perform;
import static org.sharedagreements.app.support.Pages.person;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * {@code GET /app/agreements/{a}/live} through MockMvc's async support on the real context: a partner's open stream
 * says "agreement-changed" with the new version after the other partner's command, the stream leaves the registry
 * when the client goes, and a stranger gets 404.
 */
class LivePageTest extends ApiTest {

    private static final Duration FEW_SECONDS = Duration.ofSeconds(10);
    /** What a browser's EventSource asks for. */
    private static final String EVENT_STREAM = "text/event-stream";

    @Autowired
    private TimelineStreams streams;

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aPartnersStreamSaysAgreementChangedAfterTheOtherPartnersCommandAndEndsWhenTheClientGoes() throws Exception {
        String alice = unique("alice");
        Couple couple = Couple.formed(api, alice, unique("ben"));
        AgreementId agreementId = AgreementId.of(couple.agreementId);
        assertThat(couple.first.get(couple.path("/timeline?minVersion=2")).status()).isEqualTo(200);

        MvcResult live = perform(pages, get("/app/agreements/" + couple.agreementId + "/live")
                .accept(EVENT_STREAM).with(person(alice)))
                .andReturn();
        assertThat(live.getResponse().getStatus()).isEqualTo(200);
        assertThat(live.getResponse().getContentType()).startsWith("text/event-stream");
        assertThat(live.getRequest().isAsyncStarted()).as("the stream stays open").isTrue();
        assertThat(streams.openStreams(agreementId)).isEqualTo(1);

        Api.Response proposed = couple.second.post(couple.path("/boundaries"), Map.of("category", "FLIRTATION",
                "statement", "We keep flirting for each other", "reviewEvery", "P30D"));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        long version = proposed.version();

        await().atMost(FEW_SECONDS).untilAsserted(() -> assertThat(live.getResponse().getContentAsString())
                .contains("event:agreement-changed\ndata:" + version + "\n"));
        assertThat(live.getResponse().getContentAsString()).doesNotContain("We keep flirting")
                .doesNotContain("FLIRTATION");

        // the browser goes away: the container completes the request, and the stream leaves the registry
        live.getRequest().getAsyncContext().complete();
        await().atMost(FEW_SECONDS).until(() -> streams.openStreams(agreementId) == 0);
    }

    @Test
    void aStrangerGetsNotFoundAndNoStream() throws Exception {
        Couple couple = Couple.formed(api, unique("alice"), unique("ben"));
        AgreementId agreementId = AgreementId.of(couple.agreementId);
        assertThat(couple.first.get(couple.path("/timeline?minVersion=2")).status()).isEqualTo(200);

        MvcResult stranger = perform(pages, get("/app/agreements/" + couple.agreementId + "/live")
                .accept(EVENT_STREAM).with(person(unique("stranger")))).andReturn();
        assertThat(stranger.getResponse().getStatus()).isEqualTo(404);
        assertThat(streams.openStreams(agreementId)).isZero();
    }
}
