package org.sharedagreements.query.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.access.VisibleAgreement;
import org.sharedagreements.query.projection.Content;
import org.sharedagreements.query.projection.EventTime;
import org.sharedagreements.query.projection.ProjectionJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Owns {@code timeline_event}: one row per event of an agreement, keyed by agreement and sequence, with the paths
 * of its content so erasure can purge exactly that.
 */
@QuerySide
@Repository
public class TimelineRepository {

    private static final ObjectMapper JSON = ProjectionJson.mapper();
    private static final TypeReference<List<List<String>>> PATHS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    public TimelineRepository(JdbcTemplate jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "the timeline repository needs a JdbcTemplate");
    }

    /** An entry to append to an agreement's timeline, with the paths in its data that {@link #erase} purges. */
    public record Appended(AgreementId agreementId, TimelineEntry entry, List<List<String>> contentPaths) {
    }

    /** Adds the entries, in one round trip; an entry already there for its agreement and sequence stays as it is. */
    public void appendAll(List<Appended> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                        INSERT INTO timeline_event (agreement_id, sequence, type, at, actor, summary, data, content_paths)
                        VALUES (?, ?, ?, ?, ?, ?, ?::json, ?::jsonb)
                        ON CONFLICT (agreement_id, sequence) DO NOTHING""",
                entries.stream().map(a -> new Object[]{a.agreementId().value(), a.entry().sequence(),
                        a.entry().type(), Timestamp.from(Instant.parse(a.entry().at())), a.entry().actor(),
                        a.entry().summary(), a.entry().data().toString(), write(a.contentPaths())}).toList());
    }

    /** Purges the content of every entry of the agreement: each content path reads as erased. */
    public void erase(AgreementId agreementId) {
        List<Object[]> updates = jdbc.query("""
                        SELECT sequence, data::text, content_paths::text FROM timeline_event
                        WHERE agreement_id = ? AND content_paths <> '[]'::jsonb""",
                (rs, row) -> {
                    JsonNode data = read(rs.getString(2));
                    Content.erase(data, readPaths(rs.getString(3)));
                    return new Object[]{data.toString(), agreementId.value(), rs.getLong(1)};
                }, agreementId.value());
        jdbc.batchUpdate("UPDATE timeline_event SET data = ?::json WHERE agreement_id = ? AND sequence = ?", updates);
    }

    /**
     * Up to {@code limit} entries with a sequence above {@code after}, in sequence order, each with the hash the
     * event store keeps with the event. The hash is joined from the event table when read rather than copied into
     * this table: it is the stored event's own, so it cannot go stale or differ after a replay.
     */
    public List<TimelineEntry> page(VisibleAgreement agreement, long after, int limit) {
        return page(agreement.agreementId(), after, limit);
    }

    List<TimelineEntry> page(AgreementId agreementId, long after, int limit) {
        return jdbc.query("""
                        SELECT t.sequence, t.type, t.at, t.actor, t.summary, t.data::text, e.hash
                        FROM timeline_event t
                        LEFT JOIN domain_event_entry e
                          ON e.aggregate_identifier = ? AND e.sequence_number = t.sequence
                        WHERE t.agreement_id = ? AND t.sequence > ? ORDER BY t.sequence LIMIT ?""",
                (rs, row) -> new TimelineEntry(rs.getLong(1), rs.getString(2),
                        EventTime.format(rs.getTimestamp(3).toInstant()), rs.getString(4), rs.getString(5),
                        read(rs.getString(6)), rs.getString(7)),
                agreementId.toString(), agreementId.value(), after, limit);
    }

    /** The sequence of the agreement's last entry, or -1 when it has none. */
    public long lastSequence(VisibleAgreement agreement) {
        return lastSequence(agreement.agreementId());
    }

    long lastSequence(AgreementId agreementId) {
        Long last = jdbc.queryForObject("SELECT max(sequence) FROM timeline_event WHERE agreement_id = ?",
                Long.class, agreementId.value());
        return last == null ? -1 : last;
    }

    public void deleteAll() {
        jdbc.update("DELETE FROM timeline_event");
    }

    private static List<List<String>> readPaths(String json) {
        try {
            return JSON.readValue(json, PATHS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable content paths", e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable timeline data", e);
        }
    }
}
