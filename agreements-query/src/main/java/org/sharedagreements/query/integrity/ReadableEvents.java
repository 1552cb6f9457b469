package org.sharedagreements.query.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.access.VisibleAgreement;
import org.sharedagreements.query.projection.Content;
import org.sharedagreements.query.projection.ProjectionJson;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The readable {@code data} of the partners' export: each stored event read back through Axon's event store (its
 * upcasters, and the event serializer, which opens sealed content; erased content and people read as
 * {@code "[erased]"})
 * and written as the timeline writes an event's data, without the agreement id the export already names. Read
 * from sequence 0, never from a snapshot. A payload that no longer reads as an event (changed bytes) gets no
 * data; verification names such an event anyway.
 */
@QuerySide
@Component
public class ReadableEvents {

    private final EventStore eventStore;

    public ReadableEvents(EventStore eventStore) {
        this.eventStore = Objects.requireNonNull(eventStore, "the export's readable events need the event store");
    }

    /** The data of the agreement's events up to and including {@code lastSequence}, by sequence. */
    public Map<Long, JsonNode> upTo(VisibleAgreement agreement, long lastSequence) {
        Map<Long, JsonNode> data = new HashMap<>();
        try {
            DomainEventStream events = eventStore.readEvents(agreement.agreementId().toString(), 0);
            while (events.hasNext()) {
                DomainEventMessage<?> message = events.next();
                if (message.getSequenceNumber() > lastSequence) {
                    break;
                }
                JsonNode readable = readable(message);
                if (readable != null) {
                    data.put(message.getSequenceNumber(), readable);
                }
            }
        } catch (RuntimeException unreadableFromHereOn) {
            // a stored event that no longer reads stops the stream: the events before it keep their data
            return data;
        }
        return data;
    }

    private static JsonNode readable(DomainEventMessage<?> message) {
        try {
            JsonNode tree = ProjectionJson.mapper().valueToTree(message.getPayload());
            if (tree instanceof ObjectNode object) {
                object.remove("agreementId");
                Content.hideErasedPeople(object);
                return object;
            }
            return null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
