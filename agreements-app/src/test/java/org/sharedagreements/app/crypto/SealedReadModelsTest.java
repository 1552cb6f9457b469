package org.sharedagreements.app.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read models and the idempotency records hold no content and no user id in plaintext (design.md, "Privacy and
 * integrity"): a couple's whole story through the HTTP API, every command with an Idempotency-Key, then every
 * column of those tables read as text. The partners and their counsellor still read everything; after erasure the
 * partners read the erased agreement, and the read models keep no ciphertext of it.
 */
class SealedReadModelsTest extends ApiTest {

    /** The tables the story writes, and the column each is found by agreement with (null: scanned whole). */
    private static final Map<String, String> TABLES = Map.of("agreement_state", "agreement_id",
            "timeline_event", "agreement_id", "boundary_version", "agreement_id", "agreement_access", "agreement_id",
            "projection_progress", "agreement_id", "idempotency_key", "");

    private final String marker = "mk" + UUID.randomUUID().toString().replace("-", "");
    private final String ada = "ada-" + UUID.randomUUID();
    private final String ben = "ben-" + UUID.randomUUID();
    private final String carol = "carol-" + UUID.randomUUID();
    private int keys;

    @Test
    void theReadModelsNameNothingAndNoOneYetAnswerEveryoneAllowed() {
        Api.Response drafted = command(ada).post("/api/agreements", Map.of("title", "title-" + marker));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String id = drafted.field("agreementId");
        String a = "/api/agreements/" + id;
        assertThat(command(ada).post(a + "/invitations", Map.of("partnerId", ben)).status()).isEqualTo(200);
        assertThat(command(ben).post(a + "/join").status()).isEqualTo(200);

        String declined = ok(command(ada).post((a + "/boundaries"), terms("declined"))).field("boundaryId");
        ok(command(ben).post((a + "/boundaries/" + declined + "/declines"),
                Map.of("boundaryVersion", 1, "reason", "reason-" + marker)));
        String boundary = ok(command(ada).post((a + "/boundaries"), terms("kept"))).field("boundaryId");
        String at = a + "/boundaries/" + boundary;
        ok(command(ben).post(at + "/acceptances", Map.of("boundaryVersion", 1)));
        ok(command(ben).post(at + "/revisions", terms("revised")));
        ok(command(ada).post(at + "/acceptances", Map.of("boundaryVersion", 2)));
        String breach = ok(command(ada).post((a + "/breaches"), Map.of("boundaryId", boundary,
                "breachedBy", ben, "description", "description-" + marker,
                "occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).toString()))).field("breachId");
        ok(command(ben).post(a + "/breaches/" + breach + "/acknowledgement"));
        ok(command(ada).post((a + "/breaches/" + breach + "/resolutions"),
                Map.of("note", "resolution-" + marker)));
        ok(command(ada).post(at + "/consent-withdrawals", Map.of("reason", "pause-" + marker)));
        String flag = ok(command(ben).post((a + "/red-flags"),
                Map.of("indicator", "RESENTMENT", "note", "flag-" + marker))).field("flagId");
        ok(command(ada).post((a + "/red-flags/" + flag + "/addressing"),
                Map.of("note", "addressed-" + marker)));
        ok(command(ada).post((a + "/counsellors"), Map.of("counsellorId", carol)));
        long version = ok(command(ben).post((a + "/counsellors/" + carol + "/approvals")))
                .version();

        // everyone allowed reads it all, opened
        JsonNode state = api.as(ada).get((a + "?minVersion=" + version)).body();
        assertThat(state.path("title").asText()).isEqualTo("title-" + marker);
        assertThat(state.toString()).contains(ada, ben, carol, "statement-revised-" + marker, "description-" + marker,
                "flag-" + marker, "RESENTMENT", "FLIRTATION");
        JsonNode timeline = api.as(ben).get((a + "/timeline?limit=500&minVersion=" + version)).body();
        assertThat(timeline.path("events").get(0).path("actor").asText()).isEqualTo(ada);
        assertThat(timeline.path("events").get(0).path("data").path("title").asText()).isEqualTo("title-" + marker);
        assertThat(timeline.toString()).contains(ben + " joined the agreement.", "reason-" + marker, carol);
        JsonNode history = api.as(ada).get((a + "/boundaries/" + declined + "/history?minVersion="
                + version)).body();
        assertThat(history.toString()).contains("statement-declined-" + marker, "reason-" + marker, ada, ben);
        Api.Response list = api.as(ben).get("/api/agreements?agreementId=" + id + "&minVersion=" + version);
        assertThat(list.text()).contains("title-" + marker);
        Api.Caller counsellor = api.as(carol, "counsellor");
        assertThat(counsellor.get(a).body().path("title").asText()).isEqualTo("title-" + marker);
        assertThat(counsellor.get("/api/counsellor/caseload").text()).contains(id, "title-" + marker);
        Api.Response repeat = sameCommand(ben).post(a + "/counsellors/" + carol + "/approvals");
        assertThat(repeat.header("Idempotent-Replayed")).as(repeat.toString()).isEqualTo("true");
        assertThat(repeat.field("counsellorId")).as("the sealed answer opens for its repeat").isEqualTo(carol);

        // yet no table of theirs holds a word of it, nor anyone's id
        assertNothingInClear(id, List.of("FLIRTATION", "RESENTMENT"));
        assertThat(jdbc.queryForList("SELECT user_index FROM agreement_access WHERE agreement_id = ?::uuid",
                String.class, id)).hasSize(3).allMatch(index -> index.matches("[A-Za-z0-9_-]{43}"));

        long erased = ok(api.as(ben).post((a + "/erasure"))).version();

        JsonNode after = api.as(ada).get((a + "?minVersion=" + erased)).body();
        assertThat(after.path("status").asText()).isEqualTo("ERASED");
        assertThat(after.path("title").asText()).isEqualTo("[erased]");
        assertThat(after.path("partners")).hasSize(2)
                .allMatch(p -> p.path("partnerId").asText().equals("[erased]"));
        assertThat(after.path("boundaries")).hasSize(2).allMatch(b -> b.path("category").asText().equals("[erased]"));
        assertThat(after.path("redFlags").get(0).path("indicator").asText()).isEqualTo("[erased]");
        assertThat(after.toString()).doesNotContain(marker, ada, ben, carol);
        assertThat(api.as(ben).get("/api/agreements").text()).as("the partners still find it")
                .contains(id).doesNotContain(marker);
        Api.Response erasedTimeline = api.as(ben).get((a + "/timeline?limit=500&minVersion=" + erased));
        assertThat(erasedTimeline.status()).isEqualTo(200);
        assertThat(erasedTimeline.body().path("events").get(0).path("actor").asText()).isEqualTo("[erased]");
        assertThat(erasedTimeline.text()).doesNotContain(marker, ada, ben, carol, "resentment");
        Api.Response erasedHistory = api.as(ada).get((a + "/boundaries/" + declined + "/history"));
        assertThat(erasedHistory.body().path("versions").get(0).path("reason").asText()).isEqualTo("[erased]");
        assertThat(erasedHistory.text()).doesNotContain(marker, ada, ben);

        assertNothingInClear(id, List.of("FLIRTATION", "RESENTMENT"));
        assertThat(sealedValuesOf(id)).as("no ciphertext of the erased agreement is kept").isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM agreement_access WHERE agreement_id = ?::uuid",
                Long.class, id)).as("its partners still find it").isEqualTo(3);
    }

    private void assertNothingInClear(String agreementId, List<String> words) {
        List<String> secrets = new ArrayList<>(List.of(marker, ada, ben, carol));
        String agreementRows = String.join("\n", rows(agreementId));
        String allRows = String.join("\n", rows(null));
        for (String secret : secrets) {
            String hex = HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8));
            assertThat(allRows).as(secret).doesNotContain(secret).doesNotContain(hex);
        }
        for (String word : words) {
            assertThat(agreementRows).as(word).doesNotContain(word)
                    .doesNotContain(HexFormat.of().formatHex(word.getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(agreementRows).as("the tables hold the agreement").contains(agreementId);
    }

    /** Every column of every row as text: of the agreement, or (null) of everyone, idempotency records included. */
    private List<String> rows(String agreementId) {
        List<String> rows = new ArrayList<>();
        TABLES.forEach((table, byAgreement) -> {
            List<String> columns = jdbc.queryForList("SELECT column_name FROM information_schema.columns "
                    + "WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position", String.class, table);
            assertThat(columns).as(table).isNotEmpty();
            String select = "SELECT " + String.join(" || '|' || ", columns.stream()
                    .map(c -> "coalesce(\"" + c + "\"::text, '')").toList()) + " FROM " + table;
            if (agreementId == null || byAgreement.isEmpty()) {
                rows.addAll(jdbc.queryForList(select, String.class));
            } else {
                rows.addAll(jdbc.queryForList(select + " WHERE " + byAgreement + " = ?::uuid", String.class,
                        agreementId));
            }
        });
        return rows;
    }

    /** The sealed values the read models still keep of the agreement. */
    private List<String> sealedValuesOf(String agreementId) {
        List<String> sealed = new ArrayList<>();
        sealed.addAll(jdbc.queryForList("SELECT coalesce(title, '') || coalesce(sealed, '') || coalesce(sealed_document, '') "
                + "FROM agreement_state WHERE agreement_id = ?::uuid "
                + "AND (title IS NOT NULL OR sealed IS NOT NULL OR sealed_document IS NOT NULL)", String.class, agreementId));
        sealed.addAll(jdbc.queryForList("SELECT sealed FROM timeline_event WHERE agreement_id = ?::uuid "
                + "AND sealed IS NOT NULL", String.class, agreementId));
        sealed.addAll(jdbc.queryForList("SELECT sealed FROM boundary_version WHERE agreement_id = ?::uuid "
                + "AND sealed IS NOT NULL", String.class, agreementId));
        String rows = String.join("\n", rows(agreementId));
        if (rows.contains("s1:")) {
            sealed.add(rows);
        }
        return sealed;
    }

    private Map<String, Object> terms(String which) {
        return Map.of("category", "FLIRTATION", "statement", "statement-" + which + "-" + marker,
                "measure", "measure-" + which + "-" + marker, "consequence", "consequence-" + which + "-" + marker);
    }

    /** A caller for one command, with a key of its own. */
    private Api.Caller command(String user) {
        return api.as(user).header("Idempotency-Key", marker + "-" + (++keys));
    }

    /** A caller repeating the last command, with its key. */
    private Api.Caller sameCommand(String user) {
        return api.as(user).header("Idempotency-Key", marker + "-" + keys);
    }

    private static Api.Response ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response;
    }
}
