package org.sharedagreements.app.commandbus;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.FixedValueParameterResolver;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The aggregate cache of the command side: an entry is used only while it is still the agreement as stored.
 * <p>
 * Axon's caching repository trusts its cache, which is right when every command for an agreement reaches the same
 * node. Ours do not: any command node takes any command. A cached agreement another node has appended to since
 * would decide on stale state: mostly that ends in a concurrency conflict at append (and a retry), but a
 * refusal appends nothing, so a stale cache could refuse, say, a partner who has joined meanwhile. So every hit
 * is checked against the event store's last sequence number for the agreement (one indexed lookup, far cheaper
 * than reading a snapshot and the events after it); a stale entry is dropped and the agreement is loaded from
 * the store. The check runs under the repository's lock for the agreement, after which only another node can
 * append, and that append conflicts with ours.
 */
public final class VerifiedAggregateCache implements Cache {

    private final Cache entries;
    private final Supplier<EventStore> events;
    private final AggregateModel<?> model;

    public VerifiedAggregateCache(Cache entries, Supplier<EventStore> events, AggregateModel<?> model) {
        this.entries = Objects.requireNonNull(entries, "a cache to keep the entries in");
        this.events = Objects.requireNonNull(events, "the event store to check entries against");
        this.model = Objects.requireNonNull(model, "the aggregate's model");
    }

    /**
     * The model the cache re-wraps a cached aggregate with to read its version. It never invokes a handler, so
     * the parameters the handlers take from the application (the deadline manager) resolve to nothing here.
     */
    public static <T> AggregateModel<T> modelOf(Class<T> aggregateType) {
        ParameterResolverFactory nothingElse = (executable, parameters, index) -> new FixedValueParameterResolver<>(null);
        return AnnotatedAggregateMetaModelFactory.inspectAggregate(aggregateType, MultiParameterResolverFactory.ordered(
                ClasspathParameterResolverFactory.forClass(aggregateType), nothingElse));
    }

    @Override
    public <K, V> V get(K key) {
        V value = entries.get(key);
        if (value instanceof AggregateCacheEntry<?> entry && !isCurrent(key, entry)) {
            entries.remove(key);
            return null;
        }
        return value;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private boolean isCurrent(Object key, AggregateCacheEntry<?> entry) {
        EventStore store = events.get();
        Long cached = ((AggregateCacheEntry) entry).recreateAggregate(model, store, NoSnapshotTriggerDefinition.INSTANCE)
                .version();
        Long stored = store.lastSequenceNumberFor(key.toString()).orElse(null);
        return cached != null && cached.equals(stored);
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value);
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key);
    }

    @Override
    public void removeAll() {
        entries.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return entries.registerCacheEntryListener(cacheEntryListener);
    }
}
