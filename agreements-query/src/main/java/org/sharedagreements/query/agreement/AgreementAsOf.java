package org.sharedagreements.query.agreement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.sharedagreements.kernel.AgreementEvent;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.ErasedPerson;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.access.VisibleAgreement;
import org.sharedagreements.query.projection.Content;
import org.sharedagreements.query.projection.EventTime;
import org.sharedagreements.query.projection.ProjectionJson;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of an agreement as it was at an instant: its events, read from the event store in sequence order up
 * to the first one stored after that instant, folded with the same {@link AgreementStateFold} as the projection.
 * Events are read from sequence 0, never from a snapshot, because snapshots hold the aggregate's state, not this
 * document.
 */
@QuerySide
@Component
public class AgreementAsOf {

    private static final ObjectMapper JSON = ProjectionJson.mapper();

    private final EventStore eventStore;

    public AgreementAsOf(EventStore eventStore) {
        this.eventStore = Objects.requireNonNull(eventStore, "the as-of query needs the event store");
    }

    /**
     * Once an agreement is erased its events name people only by stand-ins ({@code ErasedPerson}), which keep
     * them apart while folding; the document shows every one of them as {@value Confidential#ERASED}.
     */
    static AgreementState withoutStandIns(AgreementState state) {
        // its drafter is always among the partners: no stand-in there, none anywhere (the common case, kept cheap)
        if (state.partners.stream().noneMatch(p -> ErasedPerson.is(p.partnerId))) {
            return state;
        }
        JsonNode document = JSON.valueToTree(state);
        if (!Content.hideErasedPeople(document)) {
            return state;
        }
        try {
            return JSON.treeToValue(document, AgreementState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an agreement-state document that does not read back", e);
        }
    }

    /** The state at {@code instant}, or empty when the agreement had no event yet then. */
    public Optional<AgreementState> at(VisibleAgreement agreement, Instant instant) {
        AgreementId agreementId = agreement.agreementId();
        DomainEventStream events = eventStore.readEvents(agreementId.toString(), 0);
        AgreementState state = null;
        while (events.hasNext()) {
            DomainEventMessage<?> message = events.next();
            if (EventTime.millis(message.getTimestamp()).isAfter(instant)) {
                break;
            }
            if (message.getPayload() instanceof AgreementEvent event) {
                state = AgreementStateFold.apply(state, event, message.getSequenceNumber(), message.getTimestamp());
            }
        }
        if (state != null) {
            state.asOf = EventTime.format(instant);
            state = withoutStandIns(state);
        }
        return Optional.ofNullable(state);
    }
}
