package org.sharedagreements.query.support;

import org.sharedagreements.query.projection.ReadModelSeals;
import org.sharedagreements.sealing.BlindIndex;
import org.sharedagreements.sealing.InMemoryAgreementKeys;

/** The read models' seals for projection tests: data keys in memory, one blind-index key for the test JVM. */
public final class TestSeals {

    public static final BlindIndex BLIND_INDEX = BlindIndex.fromBase64Key(BlindIndex.generateKeyBase64());

    private TestSeals() {
    }

    public static ReadModelSeals with(InMemoryAgreementKeys keys) {
        return new ReadModelSeals(keys, BLIND_INDEX);
    }

    public static ReadModelSeals fresh() {
        return with(new InMemoryAgreementKeys());
    }
}
