package org.sharedagreements.query.admin;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The stored events as a rebuild reads them: pages straight from {@code domain_event_entry} with JDBC, deserialized
 * (and their content opened) by the event serializer through the upcaster chain, as the event store would hand
 * them to a processor, without the processor's per-event bookkeeping.
 */
final class StoredEvents {

    private static final String COLUMNS = "e.global_index, e.event_identifier, e.aggregate_identifier, "
            + "e.sequence_number, e.type, e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventUpcaster upcasters;

    StoredEvents(JdbcTemplate jdbc, Serializer serializer, EventUpcaster upcasters) {
        this.jdbc = Objects.requireNonNull(jdbc, "stored events are read with JDBC");
        this.serializer = Objects.requireNonNull(serializer, "stored events are deserialized by the event serializer");
        this.upcasters = Objects.requireNonNull(upcasters, "stored events pass the upcaster chain");
    }

    /**
     * Up to {@code limit} events with a global index above {@code after} and at most {@code upTo}, but none of
     * {@code except}, in that order.
     */
    List<Event> page(long after, long upTo, Long[] except, int limit) {
        return deserialize(jdbc.query("SELECT " + COLUMNS + " FROM domain_event_entry e "
                + "WHERE e.global_index > ? AND e.global_index <= ? AND NOT (e.global_index = ANY (?)) "
                + "ORDER BY e.global_index LIMIT ?", StoredEvents::row, after, upTo, except, limit));
    }

    /**
     * The events of each agreement with a sequence above {@code after[i]} and at most {@code upTo[i]}, in the order
     * they were stored.
     */
    List<Event> ranges(String[] agreements, long[] after, long[] upTo) {
        if (agreements.length == 0) {
            return List.of();
        }
        Long[] lows = new Long[after.length];
        Long[] highs = new Long[upTo.length];
        for (int i = 0; i < after.length; i++) {
            lows[i] = after[i];
            highs[i] = upTo[i];
        }
        return deserialize(jdbc.query("SELECT " + COLUMNS + " FROM domain_event_entry e "
                + "JOIN unnest(?::varchar[], ?::bigint[], ?::bigint[]) AS r(agreement, after_sequence, up_to) "
                + "ON e.aggregate_identifier = r.agreement AND e.sequence_number > r.after_sequence "
                + "AND e.sequence_number <= r.up_to ORDER BY e.global_index",
                StoredEvents::row, agreements, lows, highs));
    }

    /**
     * A stored event as a rebuild applies it: where it is in the store and its agreement, sequence, time and payload,
     * nothing else. Pages of these stay in memory while they are read and applied; without the serialized forms and
     * the message around them a page is a fraction of the size, so less of it outlives a young collection.
     */
    record Event(long index, String agreementId, long sequence, Instant at, Object payload) {
    }

    private List<Event> deserialize(List<TrackedEventData<?>> rows) {
        List<Event> events = new ArrayList<>(rows.size());
        EventUtils.upcastAndDeserializeTrackedEvents(rows.stream(), serializer, upcasters)
                .forEach(message -> {
                    // deserialized (its content opened, its time parsed) here, on the reading thread
                    DomainEventMessage<?> event = (DomainEventMessage<?>) message;
                    events.add(new Event(message.trackingToken().position().orElse(0), event.getAggregateIdentifier(),
                            event.getSequenceNumber(), event.getTimestamp(), event.getPayload()));
                });
        return events;
    }

    private static TrackedEventData<?> row(ResultSet rs, int row) throws SQLException {
        return new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(rs.getLong(1)),
                new Stored(rs.getString(2), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9),
                        rs.getBytes(10), rs.getString(5), rs.getString(3), rs.getLong(4)));
    }

    /**
     * A stored event's columns as Axon's own entry holds them, but with its time read by {@link #instant}: Axon's
     * entry parses it with a general ISO formatter, which cost a sixth of reading a page.
     */
    private record Stored(String eventIdentifier, String timeStamp, String payloadType, String payloadRevision,
                          byte[] payload, byte[] metaData, String type, String aggregateIdentifier,
                          long sequenceNumber) implements DomainEventData<byte[]> {

        @Override
        public String getEventIdentifier() {
            return eventIdentifier;
        }

        @Override
        public Instant getTimestamp() {
            return instant(timeStamp);
        }

        @Override
        public SerializedObject<byte[]> getMetaData() {
            return new SerializedMetaData<>(metaData, byte[].class);
        }

        @Override
        public SerializedObject<byte[]> getPayload() {
            return new SimpleSerializedObject<>(payload, byte[].class, payloadType, payloadRevision);
        }

        @Override
        public String getType() {
            return type;
        }

        @Override
        public String getAggregateIdentifier() {
            return aggregateIdentifier;
        }

        @Override
        public long getSequenceNumber() {
            return sequenceNumber;
        }
    }

    /**
     * A stored time ({@code 2026-12-04T20:39:15.123Z}, as Axon writes it, or with no or up to nine fraction digits):
     * read digit by digit; any other spelling, and any value out of range, is left to Axon's parser, which reads
     * (or refuses) it as before.
     */
    static Instant instant(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z'
                || (length > 20 && (text.charAt(19) != '.' || length == 21))) {
            return DateTimeUtils.parseInstant(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int nanos = 0;
        if (length > 20) {
            int fraction = digits(text, 20, length - 21);
            if (fraction < 0) {
                return DateTimeUtils.parseInstant(text);
            }
            nanos = fraction;
            for (int i = length - 21; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return DateTimeUtils.parseInstant(text);
        }
        return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
    }

    /** The number the {@code count} digits at {@code from} spell, or -1 if any of them is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
