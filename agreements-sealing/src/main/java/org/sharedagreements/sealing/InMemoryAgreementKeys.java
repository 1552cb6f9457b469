package org.sharedagreements.sealing;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Data keys held only in memory, for tests and tools: the same seals as the stored keys, and {@link #destroy} to
 * erase an agreement. Nothing of it survives the process.
 */
public final class InMemoryAgreementKeys implements AgreementKeys {

    private final Map<UUID, FieldSeal> seals = new ConcurrentHashMap<>();
    private final Set<UUID> destroyed = ConcurrentHashMap.newKeySet();

    @Override
    public FieldSeal sealing(UUID agreementId) {
        if (destroyed.contains(agreementId)) {
            throw new IllegalStateException("the agreement was erased; it takes no new content");
        }
        return seals.computeIfAbsent(agreementId, id -> new FieldSeal(DataKey.generate()));
    }

    @Override
    public Optional<FieldSeal> opening(UUID agreementId) {
        return destroyed.contains(agreementId) ? Optional.empty() : Optional.ofNullable(seals.get(agreementId));
    }

    /** Destroys the agreement's key, as erasure does. */
    public void destroy(UUID agreementId) {
        destroyed.add(agreementId);
        seals.remove(agreementId);
    }
}
