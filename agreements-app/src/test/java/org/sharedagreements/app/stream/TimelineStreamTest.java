package org.sharedagreements.app.stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.query.stream.TimelineStreams;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/agreements/{a}/stream} over real HTTP: each timeline event arrives as it lands, resuming sends what
 * was missed, only partners and granted counsellors may listen, and a client that goes away leaves no subscription.
 */
class TimelineStreamTest extends ApiTest {

    private static final Duration FEW_SECONDS = Duration.ofSeconds(5);

    @Autowired
    private TimelineStreams streams;

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String token(String sub, String... roles) {
        return Api.token(sub, List.of(roles), Instant.now().plus(Duration.ofHours(1)), SECRET);
    }

    private EventStreamClient open(Couple couple, String token, Map<String, String> headers, String query) {
        return EventStreamClient.open(api.base() + couple.path("/stream" + query), token, headers);
    }

    private static long version(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response.version();
    }

    private AgreementId id(Couple couple) {
        return AgreementId.of(couple.agreementId);
    }

    @Test
    void aPartnerReceivesTheOtherPartnersEventAsItLandsAndAClosedClientIsRemoved() throws Exception {
        String ben = unique("ben");
        Couple couple = Couple.formed(api, unique("ada"), ben);
        assertThat(couple.second.get(couple.path("/timeline?minVersion=2")).status()).isEqualTo(200);

        EventStreamClient client = open(couple, token(ben), Map.of(), "");
        assertThat(client.status()).isEqualTo(200);
        assertThat(client.contentType()).startsWith("text/event-stream");
        await().atMost(FEW_SECONDS).until(() -> streams.openStreams(id(couple)) == 1);

        long proposed = version(couple.first.post(couple.path("/boundaries"), Map.of("category", "FLIRTATION",
                "statement", "We do not flirt with colleagues")));

        EventStreamClient.Event event = client.next(FEW_SECONDS);
        assertThat(event).as("the proposal arrives within a few seconds").isNotNull();
        assertThat(event.id()).isEqualTo(Long.toString(proposed));
        assertThat(event.data().path("type").asText()).isEqualTo("BoundaryProposed");
        assertThat(event.data().path("sequence").asLong()).isEqualTo(proposed);
        assertThat(event.data().path("data").path("terms").path("statement").asText())
                .isEqualTo("We do not flirt with colleagues");
        JsonNode onTimeline = couple.second.get(couple.path("/timeline?after=" + (proposed - 1))).body()
                .path("events").get(0);
        assertThat(event.data()).as("the same JSON as the timeline's").isEqualTo(onTimeline);
        assertThat(event.data().path("hash").asText()).matches("[0-9a-f]{64}");

        client.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            streams.heartbeat();
            return streams.openStreams(id(couple)) == 0;
        });
    }

    @Test
    void resumingSendsTheMissedEventsFirstThenTheLiveOnes() throws Exception {
        String ada = unique("ada");
        Couple couple = Couple.formed(api, ada, unique("ben"));
        String boundaryId = couple.activeBoundary("DISCLOSURE");
        assertThat(couple.first.get(couple.path("/timeline?minVersion=5")).status()).isEqualTo(200);

        try (EventStreamClient fromParameter = open(couple, token(ada), Map.of(), "?after=2");
             EventStreamClient fromHeader = open(couple, token(ada), Map.of("Last-Event-ID", "4"), "")) {
            for (long sequence = 3; sequence <= 5; sequence++) {
                EventStreamClient.Event missed = fromParameter.next(FEW_SECONDS);
                assertThat(missed).isNotNull();
                assertThat(missed.id()).isEqualTo(Long.toString(sequence));
            }
            assertThat(fromHeader.next(FEW_SECONDS).id()).isEqualTo("5");

            long withdrawn = version(couple.second.post(couple.path("/boundaries/" + boundaryId
                    + "/consent-withdrawals"), Map.of("reason", "I need a pause")));

            assertThat(fromParameter.next(FEW_SECONDS).data().path("type").asText()).isEqualTo("ConsentWithdrawn");
            EventStreamClient.Event live = fromHeader.next(FEW_SECONDS);
            assertThat(live.id()).isEqualTo(Long.toString(withdrawn));
            assertThat(live.data().path("type").asText()).isEqualTo("ConsentWithdrawn");
        }
    }

    @Test
    void onlyPartnersAndGrantedCounsellorsMayListen() throws Exception {
        String counsellor = unique("carol");
        Couple couple = Couple.formed(api, unique("ada"), unique("ben"));
        assertThat(couple.second.get(couple.path("/timeline?minVersion=2")).status()).isEqualTo(200);

        try (EventStreamClient stranger = open(couple, token(unique("eve")), Map.of(), "")) {
            assertThat(stranger.status()).isEqualTo(404);
            assertThat(stranger.contentType()).startsWith("application/problem+json");
        }
        try (EventStreamClient ungranted = open(couple, token(counsellor, "counsellor"), Map.of(), "")) {
            assertThat(ungranted.status()).isEqualTo(404);
        }
        try (EventStreamClient anonymous = open(couple, null, Map.of(), "")) {
            assertThat(anonymous.status()).isEqualTo(401);
        }
        try (EventStreamClient badAfter = open(couple, token(unique("eve")), Map.of(), "?after=soon")) {
            assertThat(badAfter.status()).isEqualTo(400);
        }
        assertThat(streams.openStreams(id(couple))).isZero();

        version(couple.first.post(couple.path("/counsellors"), Map.of("counsellorId", counsellor)));
        long granted = version(couple.second.post(couple.path("/counsellors/" + counsellor + "/approvals")));
        assertThat(api.as(counsellor, "counsellor").get(couple.path("/timeline?minVersion=" + granted)).status())
                .isEqualTo(200);

        try (EventStreamClient carol = open(couple, token(counsellor, "counsellor"), Map.of(), "")) {
            assertThat(carol.status()).isEqualTo(200);
            long flagged = version(couple.first.post(couple.path("/red-flags"), Map.of("indicator", "STRESS")));
            assertThat(carol.next(FEW_SECONDS).id()).isEqualTo(Long.toString(flagged));

            long revoked = version(couple.second.delete(couple.path("/counsellors/" + counsellor)));
            assertThat(couple.first.get(couple.path("?minVersion=" + revoked)).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                streams.heartbeat();
                return carol.ended();
            });
            assertThat(streams.openStreams(id(couple))).as("a revoked counsellor's stream is ended").isZero();
        }
    }

    @Test
    void oneCallerHoldsAtMostFourStreamsAndGetsAPlaceBackWhenOneCloses() throws Exception {
        String ada = unique("ada");
        Couple couple = Couple.formed(api, ada, unique("ben"));
        assertThat(couple.first.get(couple.path("/timeline?minVersion=2")).status()).isEqualTo(200);
        String token = token(ada);
        List<EventStreamClient> held = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                held.add(open(couple, token, Map.of(), ""));
                assertThat(held.get(i).status()).isEqualTo(200);
            }
            try (EventStreamClient refused = open(couple, token, Map.of(), "")) {
                assertThat(refused.status()).isEqualTo(429);
                assertThat(refused.header("Retry-After")).isNotBlank();
                assertThat(refused.contentType()).startsWith("application/problem+json");
            }
            try (EventStreamClient other = open(couple, token(unique("ben")), Map.of(), "")) {
                assertThat(other.status()).as("another caller is not held up").isIn(200, 404);
            }

            held.remove(0).close();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                streams.heartbeat();
                try (EventStreamClient again = open(couple, token, Map.of(), "")) {
                    return again.status() == 200;
                }
            });
        } finally {
            held.forEach(EventStreamClient::close);
        }
    }

    @Test
    void aStreamEndsWhenItsTokenExpires() throws Exception {
        String ada = unique("ada");
        Couple couple = Couple.formed(api, ada, unique("ben"));
        assertThat(couple.first.get(couple.path("/timeline?minVersion=2")).status()).isEqualTo(200);
        String shortLived = Api.token(ada, List.of(), Instant.now().plus(Duration.ofSeconds(3)), SECRET);

        try (EventStreamClient client = open(couple, shortLived, Map.of(), "")) {
            assertThat(client.status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(client::ended);
            await().atMost(Duration.ofSeconds(10)).until(() -> streams.openStreams(id(couple)) == 0);
        }
    }
}
