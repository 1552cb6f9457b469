package org.sharedagreements.query.projection;

import org.junit.jupiter.api.Test;
import org.sharedagreements.query.support.ReadModelDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What COPY stores is exactly what was handed over: text with quotes, commas, tabs, newlines, carriage returns and
 * backslashes (also as COPY's own {@code \N} and {@code \.}), empty text, null.
 */
class BulkCopyTest {

    @Test
    void copiesEveryValueAsItIsIncludingQuotesTabsNewlinesBackslashesEmptyTextAndNull() {
        JdbcTemplate jdbc = ReadModelDatabase.emptied();
        UUID agreement = UUID.randomUUID();
        String awkward = "she said \"no\", twice,\nthen \"\" and \\ and ,\"\tand\r\n\\N\n\\.\n\\t\\";
        String at = "2026-11-03T10:15:30.123Z";

        long copied = BulkCopy.into(jdbc, "timeline_event_shadow (agreement_id, sequence, type, at, has_actor, "
                + "summary, data, sealed)", List.of(
                new Object[]{agreement, 0L, "AgreementDrafted", at, true, awkward, "{\"note\":\"a \\\"b\\\", c\"}", null},
                new Object[]{agreement, 1L, "RedFlagRaised", at, false, "", "{}", "s1:abc"},
                new Object[]{agreement, 2L, "RedFlagRaised", at, false, "\\N", "{\"n\":\"\\\\\"}", "\\."}));

        assertThat(copied).isEqualTo(3);
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT sequence, type, at, has_actor, summary, "
                + "data::text AS data, sealed FROM timeline_event_shadow WHERE agreement_id = ? ORDER BY sequence",
                agreement);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("summary")).isEqualTo(awkward);
        assertThat(rows.get(0).get("data")).isEqualTo("{\"note\":\"a \\\"b\\\", c\"}");
        assertThat(rows.get(0).get("sealed")).isNull();
        assertThat(rows.get(0).get("has_actor")).isEqualTo(true);
        assertThat(((java.sql.Timestamp) rows.get(0).get("at")).toInstant()).isEqualTo(Instant.parse(at));
        assertThat(rows.get(1).get("summary")).isEqualTo("");
        assertThat(rows.get(1).get("sealed")).isEqualTo("s1:abc");
        assertThat(rows.get(1).get("has_actor")).isEqualTo(false);
        assertThat(rows.get(2).get("summary")).isEqualTo("\\N");
        assertThat(rows.get(2).get("data")).isEqualTo("{\"n\":\"\\\\\"}");
        assertThat(rows.get(2).get("sealed")).isEqualTo("\\.");
    }

    @Test
    void copiesRowsOfManyChunksWholeAndInOrder() {
        JdbcTemplate jdbc = ReadModelDatabase.emptied();
        UUID agreement = UUID.randomUUID();
        List<Object[]> rows = new java.util.ArrayList<>();
        for (long i = 0; i < 3_000; i++) {
            // about 200 KB of CSV a thousand rows, with quotes and characters of two and three bytes in UTF-8
            rows.add(new Object[]{agreement, i, "RedFlagRaised", "2026-11-03T10:15:30.123Z", i % 2 == 0,
                    "Ünïcødé \"quoted\" € " + i + " " + "x".repeat((int) (i % 300)), "{\"n\":" + i + "}", null});
        }

        assertThat(BulkCopy.into(jdbc, "timeline_event_shadow (agreement_id, sequence, type, at, has_actor, summary, "
                + "data, sealed)", rows)).isEqualTo(3_000);

        List<String> stored = jdbc.queryForList("SELECT summary FROM timeline_event_shadow WHERE agreement_id = ? "
                + "ORDER BY sequence", String.class, agreement);
        assertThat(stored).hasSize(3_000);
        for (int i = 0; i < 3_000; i++) {
            assertThat(stored.get(i)).isEqualTo(rows.get(i)[5]);
        }
    }

    @Test
    void copiesNothingForNoRows() {
        JdbcTemplate jdbc = ReadModelDatabase.emptied();
        assertThat(BulkCopy.into(jdbc, "timeline_event_shadow (agreement_id)", List.of())).isZero();
    }
}
