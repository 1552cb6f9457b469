package org.sharedagreements.app.crypto;

import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;

/**
 * The operator's rewrap after a master key rotation: every live data key not under the primary version is
 * rewrapped under it, {@value #BATCH} rows per transaction, so it runs alongside commands (each batch locks only
 * its rows, briefly; an erasure of one of them waits for the batch, or wins and the row is skipped). Idempotent: a
 * second run finds nothing to do. Once the answer says none are left under another version, the old version can
 * be destroyed in the keyset (see "Rotation and backups" in {@code docs/sealing.md}).
 */
public class MasterKeyRewrap {

    static final int BATCH = 200;

    private final DataKeyStore keys;
    private final TransactionTemplate transactions;

    public MasterKeyRewrap(DataKeyStore keys, TransactionTemplate transactions) {
        this.keys = keys;
        this.transactions = transactions;
    }

    public Outcome rewrapAll() {
        long rewrapped = 0;
        long unopenable = 0;
        UUID after = null;
        DataKeyStore.RewrapBatch batch;
        do {
            UUID from = after;
            batch = transactions.execute(status -> keys.rewrapBatch(from, BATCH));
            rewrapped += batch.rewrapped();
            unopenable += batch.unopenable();
            after = batch.last();
        } while (batch.more());
        DataKeyStore.KeyCounts counts = keys.counts();
        return new Outcome(keys.primaryVersion(), rewrapped, Math.max(0, counts.underPrimary() - rewrapped),
                counts.erased(), counts.notUnderPrimary(), unopenable);
    }

    /**
     * The answer of {@code POST /api/admin/master-key/rewrap}.
     *
     * @param primaryVersion      the version every live key should now be under
     * @param rewrapped           keys this run moved under it
     * @param alreadyUnderPrimary live keys that were under it already (or were moved there meanwhile by another run)
     * @param erased              agreements whose key is destroyed: nothing to rewrap
     * @param notUnderPrimary     live keys still under another version after the run (0 before destroying one)
     * @param unopenable          keys this run found under a version the keyset no longer holds
     */
    public record Outcome(int primaryVersion, long rewrapped, long alreadyUnderPrimary, long erased,
                          long notUnderPrimary, long unopenable) {
    }
}
