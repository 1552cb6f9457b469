package org.sharedagreements.query.admin;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.sharedagreements.query.projection.EventTime;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
     * A stored event's columns as Axon's own entry holds them, but with its time read by {@link EventTime#parse}: Axon's
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
            return EventTime.parse(timeStamp);
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

}
