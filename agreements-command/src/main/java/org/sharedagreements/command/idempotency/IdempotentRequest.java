package org.sharedagreements.command.idempotency;

import org.axonframework.messaging.MetaData;
import org.sharedagreements.sealing.DataKey;
import org.sharedagreements.sealing.FieldSeal;
import org.sharedagreements.sealing.SealContext;

import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A request with an {@code Idempotency-Key}: whose key it is (the blind index of the caller's JWT {@code sub}:
 * keys of two callers never meet, and the table names nobody), the key, a keyed hash of what the request says, so
 * that a repeat can be told from another request under the same key, and the key its answer is sealed under, derived
 * from the request itself by the web filter, so that only a repeat of that very request opens the answer. None of
 * them can be computed without the blind-index key. The web filter puts it on the HTTP request as
 * {@link #ATTRIBUTE}; the command sent for that request carries it as metadata, so it reaches the command's
 * transaction wherever that runs.
 */
public record IdempotentRequest(String caller, String key, String requestHash, String answerKey) {

    /** The HTTP request attribute the web filter leaves it in. */
    public static final String ATTRIBUTE = IdempotentRequest.class.getName();

    private static final String CALLER = "idempotencyCaller";
    private static final String KEY = "idempotencyKey";
    private static final String REQUEST_HASH = "idempotencyRequestHash";
    private static final String ANSWER_KEY = "idempotencyAnswerKey";
    /** Answers belong to no agreement (a refusal may name none): their seal context names the nil UUID. */
    private static final SealContext ANSWER = SealContext.column(new UUID(0, 0), "idempotency_key", "body");

    public IdempotentRequest {
        Objects.requireNonNull(caller, "an idempotent request names its caller");
        Objects.requireNonNull(key, "an idempotent request has a key");
        Objects.requireNonNull(requestHash, "an idempotent request has the hash of what it asks");
        Objects.requireNonNull(answerKey, "an idempotent request has the key its answer is sealed under");
    }

    MetaData metaData() {
        return MetaData.from(Map.of(CALLER, caller, KEY, key, REQUEST_HASH, requestHash, ANSWER_KEY, answerKey));
    }

    static Optional<IdempotentRequest> of(MetaData metaData) {
        Object caller = metaData.get(CALLER);
        Object key = metaData.get(KEY);
        Object requestHash = metaData.get(REQUEST_HASH);
        Object answerKey = metaData.get(ANSWER_KEY);
        if (caller == null || key == null || requestHash == null || answerKey == null) {
            return Optional.empty();
        }
        return Optional.of(new IdempotentRequest(caller.toString(), key.toString(), requestHash.toString(),
                answerKey.toString()));
    }

    /** Whether a key's first answer was given to this very request. */
    public boolean sameRequestAs(String firstRequestHash) {
        return requestHash.equals(firstRequestHash);
    }

    byte[] sealAnswer(byte[] body) {
        return seal().sealBytes(body, ANSWER);
    }

    byte[] openAnswer(byte[] sealed) {
        return seal().openBytes(sealed, ANSWER);
    }

    private FieldSeal seal() {
        return new FieldSeal(DataKey.fromBytes(Base64.getUrlDecoder().decode(answerKey)));
    }

    @Override
    public String toString() {
        return "IdempotentRequest[key=" + key + ", caller and hashes ****]";
    }
}
