package org.sharedagreements.app.replay;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.sharedagreements.query.projection.Projections;
import org.sharedagreements.sealing.AgreementKeys;
import org.sharedagreements.sealing.FieldSeal;
import org.sharedagreements.sealing.SealContext;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilding every projection from the first event gives back exactly the read models the live projections built:
 * a few thousand events through the HTTP API, every read-model table snapshotted row by row, a replay of every
 * projection through the operator endpoint, the same snapshot again.
 */
class ProjectionReplayTest extends ApiTest {

    private static final int AGREEMENTS = 40;
    private static final int BOUNDARIES_PER_AGREEMENT = 4;
    /** Every table a projection writes; each one's reset handler empties it. */
    private static final List<String> READ_MODEL_TABLES = List.of("projection_progress", "agreement_state",
            "agreement_access", "timeline_event", "boundary_version");

    @Autowired
    private AgreementKeys keys;

    private Api.Caller operator;
    /** The agreements this test built; other tests tamper with the events of theirs (the hash chain tests). */
    private final List<UUID> built = java.util.Collections.synchronizedList(new ArrayList<>());

    @Test
    void replayingEveryProjectionRebuildsIdenticalReadModels() throws Exception {
        operator = api.as("ops-" + UUID.randomUUID(), "operator");
        List<Long> heads = buildHistories();
        assertThat(heads).hasSize(AGREEMENTS);
        assertThat(allStoredEvents()).as("a few thousand events").isGreaterThan(2500);
        awaitEveryProjectionCaughtUp();
        Map<String, List<String>> before = snapshot();
        assertThat(before.get("timeline_event")).hasSizeGreaterThan(2500);

        // a row no event explains: the reset handler must empty the table, so it is gone after the replay
        UUID stray = UUID.randomUUID();
        jdbc.update("INSERT INTO timeline_event (agreement_id, sequence, type, at, summary, data) "
                + "VALUES (?, 0, 'Stray', now(), 'not from any event', '{}')", stray);

        for (String projection : Projections.ALL) {
            Api.Response accepted = operator.post("/api/admin/projections/" + projection + "/replay");
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> byName(statuses()).values().stream()
                .anyMatch(status -> status.path("replaying").asBoolean()));
        awaitEveryProjectionCaughtUp();

        Map<String, List<String>> after = snapshot();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM timeline_event WHERE agreement_id = ?", Long.class,
                stray)).as("the reset emptied the tables before the replay").isZero();
        for (String table : READ_MODEL_TABLES) {
            assertThat(after.get(table)).as(table + " after the replay").containsExactlyElementsOf(before.get(table));
        }
    }

    private List<Long> buildHistories() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> histories = new ArrayList<>();
            for (int i = 0; i < AGREEMENTS; i++) {
                int n = i;
                histories.add(clients.submit(() -> history(n)));
            }
            List<Long> heads = new ArrayList<>();
            for (Future<Long> history : histories) {
                heads.add(history.get());
            }
            return heads;
        } finally {
            clients.shutdownNow();
        }
    }

    /** About sixty commands on one agreement: proposals, acceptances, red flags, breaches, revisions, consent. */
    private long history(int n) {
        String ada = "ada-" + n + "-" + UUID.randomUUID().toString().substring(0, 6);
        String ben = "ben-" + n + "-" + UUID.randomUUID().toString().substring(0, 6);
        Couple couple = Couple.formed(api, ada, ben);
        built.add(UUID.fromString(couple.agreementId));
        String carol = "carol-" + n;
        ok(couple.first.post(couple.path("/counsellors"), Map.of("counsellorId", carol)));
        ok(couple.second.post(couple.path("/counsellors/" + carol + "/approvals")));
        long version = 0;
        for (int b = 0; b < BOUNDARIES_PER_AGREEMENT; b++) {
            version = couple.boundaryRound(n, b, ben).version();
        }
        if (n == 0) {
            version = ok(couple.first.post(couple.path("/erasure"))).version();
        } else if (n == 1) {
            version = ok(couple.second.post(couple.path("/leave"))).version();
        }
        return version;
    }

    private static Api.Response ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response;
    }

    private List<JsonNode> statuses() {
        Api.Response response = operator.get("/api/admin/projections");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> statuses = new ArrayList<>();
        response.body().forEach(statuses::add);
        return statuses;
    }

    private static Map<String, JsonNode> byName(List<JsonNode> statuses) {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        statuses.forEach(status -> byName.put(status.path("name").asText(), status));
        return byName;
    }

    private void awaitEveryProjectionCaughtUp() {
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Map<String, JsonNode> statuses = byName(statuses());
            assertThat(statuses.keySet()).containsExactlyInAnyOrderElementsOf(Projections.ALL);
            Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
            for (JsonNode status : statuses.values()) {
                assertThat(status.path("replaying").asBoolean()).as(status.toString()).isFalse();
                assertThat(status.path("head").asLong()).as(status.toString()).isEqualTo(head);
                assertThat(status.path("position").asLong()).as(status.toString()).isEqualTo(head);
                assertThat(status.path("progressPercent").asDouble()).as(status.toString()).isEqualTo(100.0);
            }
        });
    }

    /**
     * Every row of every read-model table as JSON, its sealed columns opened: a seal takes a fresh nonce every time,
     * so the same content is a different ciphertext after the replay, and what must be identical is what it says.
     */
    private Map<String, List<String>> snapshot() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : READ_MODEL_TABLES) {
            List<String> rows = new ArrayList<>(jdbc.queryForList("SELECT row_to_json(t)::text FROM " + table + " t "
                            + "WHERE t.agreement_id::text = ANY(?)", String.class,
                    (Object) built.stream().map(UUID::toString).toArray(String[]::new)).stream()
                    .map(row -> opened(table, row)).toList());
            Collections.sort(rows);
            tables.put(table, rows);
        }
        return tables;
    }

    private String opened(String table, String row) {
        ObjectNode json = (ObjectNode) Api.json(row);
        UUID agreementId = UUID.fromString(json.path("agreement_id").asText());
        json.properties().forEach(column -> {
            if (column.getValue().isTextual() && FieldSeal.isSealed(column.getValue().asText())) {
                FieldSeal seal = keys.opening(agreementId).orElseThrow(() ->
                        new AssertionError(table + "." + column.getKey() + " is sealed under a key that is gone"));
                column.setValue(TextNode.valueOf(seal.open(column.getValue().asText(),
                        SealContext.column(agreementId, table, column.getKey()))));
            }
        });
        return json.toString();
    }
}
