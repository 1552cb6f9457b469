package org.sharedagreements.query.integrity;

import org.sharedagreements.sealing.Checkpoint;
import org.sharedagreements.sealing.CheckpointVerifier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Checks checkpoints' signatures with the published key, remembering the ones that verified. An Ed25519
 * verification costs about a millisecond on the JDK's provider, and verification checks every checkpoint of an
 * agreement (one per append) on every request; a checkpoint that verified once verifies again, as long as every
 * signed field, the key id and the signature are the same, which is what it is remembered by (a SHA-256 of all of
 * them). Only successes are remembered, at most {@value #CAPACITY} of them, least recently used first out.
 */
final class VerifiedCheckpoints implements Predicate<Checkpoint> {

    static final int CAPACITY = 100_000;

    private final CheckpointVerifier key;
    private final Map<String, Boolean> verified = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    VerifiedCheckpoints(CheckpointVerifier key) {
        this.key = Objects.requireNonNull(key, "checkpoints are verified with the published key");
    }

    @Override
    public boolean test(Checkpoint checkpoint) {
        String remembered = fingerprint(checkpoint);
        synchronized (verified) {
            if (verified.get(remembered) != null) {
                return true;
            }
        }
        boolean genuine = key.verifies(checkpoint);
        if (genuine) {
            synchronized (verified) {
                verified.put(remembered, Boolean.TRUE);
            }
        }
        return genuine;
    }

    private static String fingerprint(Checkpoint checkpoint) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(checkpoint.signedBytes());
            sha256.update(("|" + checkpoint.keyId() + "|" + checkpoint.signature()).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
