package org.sharedagreements.command.agreement;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.AnnotatedHandlerInspector;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;

import java.util.Objects;

/**
 * Hands an event to the one member entity of the agreement it names, to that entity's
 * {@code @EventSourcingHandler}. The agreement keeps its entities in maps by id and finds the entity itself:
 * Axon's own member forwarding ({@code @AggregateMember}) offers every event to every entity of a collection, so
 * on a long agreement (thousands of red flags or breaches) each event applied cost a scan of them all.
 */
final class EntityEvents<E> {

    private final Class<E> type;
    private final AnnotatedHandlerInspector<E> handlers;

    private EntityEvents(Class<E> type) {
        this.type = type;
        this.handlers = AnnotatedHandlerInspector.inspectType(type, ClasspathParameterResolverFactory.forClass(type));
    }

    static <E> EntityEvents<E> of(Class<E> type) {
        return new EntityEvents<>(type);
    }

    /** Applies the event to the entity as Axon would apply it to a member: an event without a handler is ignored. */
    void apply(E entity, EventMessage<?> event) {
        Objects.requireNonNull(entity,
                () -> "no " + type.getSimpleName() + " for " + event.getPayloadType().getSimpleName());
        handlers.getHandlers(type).filter(handler -> handler.canHandle(event)).findFirst().ifPresent(handler -> {
            try {
                handler.handle(event, entity);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("applying " + event.getPayloadType().getSimpleName() + " failed", e);
            }
        });
    }
}
