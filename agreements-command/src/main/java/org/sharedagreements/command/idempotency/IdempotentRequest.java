package org.sharedagreements.command.idempotency;

import org.axonframework.messaging.MetaData;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request with an {@code Idempotency-Key}: whose key it is (the caller's JWT {@code sub}: keys of two callers
 * never meet), the key, and the SHA-256 of what the request says, so that a repeat can be told from another
 * request under the same key. The web filter puts it on the HTTP request as {@link #ATTRIBUTE}; the command sent
 * for that request carries it as metadata, so it reaches the command's transaction wherever that runs.
 */
public record IdempotentRequest(String caller, String key, String requestHash) {

    /** The HTTP request attribute the web filter leaves it in. */
    public static final String ATTRIBUTE = IdempotentRequest.class.getName();

    private static final String CALLER = "idempotencyCaller";
    private static final String KEY = "idempotencyKey";
    private static final String REQUEST_HASH = "idempotencyRequestHash";

    public IdempotentRequest {
        Objects.requireNonNull(caller, "an idempotent request names its caller");
        Objects.requireNonNull(key, "an idempotent request has a key");
        Objects.requireNonNull(requestHash, "an idempotent request has the hash of what it asks");
    }

    MetaData metaData() {
        return MetaData.from(Map.of(CALLER, caller, KEY, key, REQUEST_HASH, requestHash));
    }

    static Optional<IdempotentRequest> of(MetaData metaData) {
        Object caller = metaData.get(CALLER);
        Object key = metaData.get(KEY);
        Object requestHash = metaData.get(REQUEST_HASH);
        if (caller == null || key == null || requestHash == null) {
            return Optional.empty();
        }
        return Optional.of(new IdempotentRequest(caller.toString(), key.toString(), requestHash.toString()));
    }

    /** Whether a key's first answer was given to this very request. */
    public boolean sameRequestAs(String firstRequestHash) {
        return requestHash.equals(firstRequestHash);
    }
}
