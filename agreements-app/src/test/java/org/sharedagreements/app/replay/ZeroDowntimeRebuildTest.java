package org.sharedagreements.app.replay;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;
import org.sharedagreements.query.projection.Projections;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild of the read models takes nothing away from the people reading them (issue 15): the live tables answer
 * while the rebuild fills their shadows, and the swap is one transaction. A reader that reads an agreement's state
 * and timeline back to back through a whole rebuild, while its partners keep acting, never sees a 404, an empty or
 * partial state, or a state older than one it saw; and what the rebuilt tables answer is what the live ones did.
 */
class ZeroDowntimeRebuildTest extends ApiTest {

    /** Agreements with some history besides the watched one, so the rebuild has pages to go through. */
    private static final int OTHER_AGREEMENTS = 12;

    @Test
    void aReaderNeverSeesAnAgreementVanishOrGoBackDuringARebuild() throws Exception {
        Api.Caller operator = api.as(unique("ops"), "operator");
        buildOthers();
        Couple watched = Couple.formed(api, unique("ada"), unique("ben"));
        String boundary = watched.activeBoundary("ONLINE_ENGAGEMENT");
        long written = ok(watched.second.post(watched.path("/red-flags"), Map.of("indicator", "STRESS",
                "note", "Long weeks"))).version();
        ok(watched.first.get(watched.path("?minVersion=" + written)));

        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean rebuilding = new AtomicBoolean();
        AtomicInteger readsDuringRebuild = new AtomicInteger();
        AtomicLong lastWritten = new AtomicLong(written);
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> reader = threads.submit(() -> read(watched, boundary, stop, rebuilding, readsDuringRebuild,
                    problems));
            Future<?> writer = threads.submit(() -> write(watched, stop, lastWritten, problems));

            for (String projection : Projections.ALL) {
                Api.Response accepted = operator.post("/api/admin/projections/" + projection + "/replay");
                assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
                assertThat(accepted.body().path("replaying").asBoolean()).as(accepted.toString()).isTrue();
            }
            rebuilding.set(true);
            awaitRebuilt(operator);
            rebuilding.set(false);

            stop.set(true);
            writer.get();
            // the live processor goes on with the swapped tables: the last command is read
            ok(watched.first.get(watched.path("?minVersion=" + lastWritten.get())));
            reader.get();
        } finally {
            stop.set(true);
            threads.shutdownNow();
        }
        assertThat(problems).as("what the reader or the partners met").isEmpty();
        assertThat(readsDuringRebuild.get()).as("reads while the rebuild ran").isPositive();
    }

    @Test
    void theRebuiltReadModelsAnswerWhatTheLiveOnesAnswered() {
        Api.Caller operator = api.as(unique("ops"), "operator");
        List<Couple> couples = new ArrayList<>();
        Map<Couple, String> boundaries = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            String ben = unique("ben");
            Couple couple = Couple.formed(api, unique("ada"), ben);
            couples.add(couple);
            boundaries.put(couple, history(couple, ben, i));
        }
        Couple erased = couples.get(0);
        long version = ok(erased.first.post(erased.path("/erasure"))).version();
        ok(erased.first.get(erased.path("?minVersion=" + version)));
        Couple left = couples.get(1);
        version = ok(left.second.post(left.path("/leave"))).version();
        ok(left.first.get(left.path("?minVersion=" + version)));

        Map<String, String> before = readModels(boundaries);
        assertThat(before.get(erased.agreementId + " state")).contains("\"ERASED\"");

        for (String projection : Projections.ALL) {
            assertThat(operator.post("/api/admin/projections/" + projection + "/replay").status()).isEqualTo(202);
        }
        awaitRebuilt(operator);

        Map<String, String> after = readModels(boundaries);
        for (Map.Entry<String, String> read : before.entrySet()) {
            assertThat(Api.json(after.get(read.getKey()))).as(read.getKey() + " after the rebuild")
                    .isEqualTo(Api.json(read.getValue()));
        }
    }

    /** Reads the watched agreement's state and timeline back to back until told to stop; notes what is wrong. */
    private static void read(Couple watched, String boundary, AtomicBoolean stop, AtomicBoolean rebuilding,
                             AtomicInteger readsDuringRebuild, List<String> problems) {
        long lastVersion = -1;
        int lastEntries = 0;
        while (!stop.get() && problems.isEmpty()) {
            boolean during = rebuilding.get();
            Api.Response state = watched.first.get(watched.path(""));
            JsonNode document = state.body();
            long version = document.path("version").asLong(-1);
            if (state.status() != 200) {
                problems.add("state answered " + state);
            } else if (document.path("partners").size() != 2 || document.path("title").asText().isEmpty()
                    || !document.path("boundaries").toString().contains(boundary)
                    || document.path("redFlags").isEmpty()) {
                problems.add("an empty or partial state: " + state.text());
            } else if (version < lastVersion) {
                problems.add("version " + version + " after version " + lastVersion);
            }
            lastVersion = Math.max(lastVersion, version);
            Api.Response timeline = watched.first.get(watched.path("/timeline?limit=500"));
            int entries = timeline.body().path("events").size();
            if (timeline.status() != 200) {
                problems.add("timeline answered " + timeline);
            } else if (entries < lastEntries || entries < version + 1) {
                problems.add(entries + " timeline entries after " + lastEntries + ", state version " + version);
            }
            lastEntries = Math.max(lastEntries, entries);
            if (during && rebuilding.get()) {
                readsDuringRebuild.incrementAndGet();
            }
        }
    }

    /** The partners keep raising and addressing red flags until told to stop. */
    private static void write(Couple watched, AtomicBoolean stop, AtomicLong lastWritten, List<String> problems) {
        int n = 0;
        while (!stop.get() && n < 120) {
            Api.Response raised = watched.first.post(watched.path("/red-flags"), Map.of("indicator", "LONELINESS",
                    "note", "Evening " + n));
            if (raised.status() != 201) {
                problems.add("raising a red flag answered " + raised);
                return;
            }
            Api.Response addressed = watched.second.post(watched.path("/red-flags/" + raised.field("flagId")
                    + "/addressing"), Map.of("note", "We talked " + n));
            if (addressed.status() != 200) {
                problems.add("addressing a red flag answered " + addressed);
                return;
            }
            lastWritten.accumulateAndGet(addressed.version(), Math::max);
            n += 2;
        }
    }

    private void buildOthers() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<String>> built = new ArrayList<>();
            for (int i = 0; i < OTHER_AGREEMENTS; i++) {
                int n = i;
                String ben = unique("ben");
                built.add(CompletableFuture.supplyAsync(() -> history(Couple.formed(api, unique("ada"), ben), ben, n),
                        clients));
            }
            for (CompletableFuture<String> history : built) {
                history.get();
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /** Boundaries proposed, accepted, revised; a breach, red flags, consent withdrawn and given again. */
    private static String history(Couple couple, String second, int n) {
        String boundary = null;
        for (int b = 0; b < 3; b++) {
            boundary = couple.boundaryRound(n, b, second).boundaryId();
        }
        return boundary;
    }

    /** Every read model of each agreement as its first partner reads it: state, timeline, one boundary's history. */
    private static Map<String, String> readModels(Map<Couple, String> boundaries) {
        Map<String, String> reads = new LinkedHashMap<>();
        boundaries.forEach((couple, boundary) -> {
            reads.put(couple.agreementId + " state", ok(couple.first.get(couple.path(""))).text());
            reads.put(couple.agreementId + " timeline", ok(couple.first.get(couple.path("/timeline?limit=500"))).text());
            reads.put(couple.agreementId + " history",
                    ok(couple.first.get(couple.path("/boundaries/" + boundary + "/history"))).text());
        });
        return reads;
    }

    /** Until every projection's rebuild swapped in and the live processor is at the head of the event store. */
    private void awaitRebuilt(Api.Caller operator) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            Api.Response response = operator.get("/api/admin/projections");
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
            assertThat(response.body()).hasSize(Projections.ALL.size());
            for (JsonNode status : response.body()) {
                assertThat(status.path("replaying").asBoolean()).as(status.toString()).isFalse();
                assertThat(status.path("position").asLong()).as(status.toString()).isGreaterThanOrEqualTo(head);
            }
        });
    }

    private static Api.Response ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response;
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
