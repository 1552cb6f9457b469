package org.sharedagreements.query.projection;

import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.sealing.AgreementKeys;
import org.sharedagreements.sealing.BlindIndex;
import org.sharedagreements.sealing.DataKey;
import org.sharedagreements.sealing.FieldSeal;
import org.springframework.stereotype.Component;

import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the read models get their seals: each agreement's data key ({@link AgreementKeys}) for what they store, and
 * the blind index for finding rows by user id. An agreement without a data key for writing was erased (its key
 * destroyed, which happens in the transaction that stores {@code AgreementErased}, before any projection sees it):
 * its rows are written in their erased form, holding nothing to seal.
 *
 * <p>The agreement-state document is folded across batches, so while a replay passes the events of an agreement
 * whose key is gone, what its outline leaves out is sealed between batches under a key derived from the blind-index
 * key and the agreement id ({@link #interim}), until its {@code AgreementErased} drops it. The events themselves
 * then carry no content (it reads "[erased]"), so that seal guards only who took part.
 */
@QuerySide
@Component
public class ReadModelSeals {

    private static final BlindIndex.Purpose INTERIM = new BlindIndex.Purpose("erased-agreement-interim");

    private final AgreementKeys keys;
    private final BlindIndex blindIndex;

    public ReadModelSeals(AgreementKeys keys, BlindIndex blindIndex) {
        this.keys = Objects.requireNonNull(keys, "the read models seal under the agreements' keys");
        this.blindIndex = Objects.requireNonNull(blindIndex, "the read models find people by blind index");
    }

    /** The agreement's seal for storing its rows; empty once the agreement was erased. */
    public Optional<FieldSeal> forWriting(AgreementId agreementId) {
        Optional<FieldSeal> existing = keys.opening(agreementId.value());
        if (existing.isPresent()) {
            return existing;
        }
        try {
            return Optional.of(keys.sealing(agreementId.value()));
        } catch (IllegalStateException erased) {
            // both key stores refuse a new key for an agreement whose key was destroyed
            return Optional.empty();
        }
    }

    /** The agreement's seal for opening its rows; empty once the agreement was erased. */
    public Optional<FieldSeal> forReading(AgreementId agreementId) {
        return keys.opening(agreementId.value());
    }

    /** The seal of an erased agreement's state document while a replay folds it (see the class comment). */
    public FieldSeal interim(AgreementId agreementId) {
        byte[] key = Base64.getUrlDecoder().decode(blindIndex.index(INTERIM, agreementId.toString()));
        return new FieldSeal(DataKey.fromBytes(key));
    }

    /** The blind index rows are found by. */
    public BlindIndex blindIndex() {
        return blindIndex;
    }
}
