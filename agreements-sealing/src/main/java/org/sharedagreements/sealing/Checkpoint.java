package org.sharedagreements.sealing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A signed statement that an agreement's hash chain had {@code headHash} as the hash of event {@code sequence} at
 * {@code signedAt}. Kept outside the database (with the partners, an auditor, a log), it anchors the chain: whoever
 * can rewrite the event table can recompute every hash, but cannot sign a new checkpoint.
 *
 * <p>Signed bytes, exactly (UTF-8, no trailing newline):
 * <pre>
 * "sa-checkpoint/v1|" + agreementId + "|" + sequence + "|" + headHash + "|" + signedAt
 * </pre>
 * {@code agreementId} in lowercase UUID text form; {@code sequence} the decimal sequence number of the head event
 * (the last one covered; {@code hash_sequence} in the chain formula); {@code headHash} its 64 lowercase hex
 * characters; {@code signedAt} ISO-8601 UTC with exactly three fraction digits ({@code 2026-11-26T17:00:00.123Z}),
 * as event times are written in the chain. The signature is Ed25519 (RFC 8032) over those bytes, carried as
 * base64url without padding (86 characters); {@code keyId} is the RFC 7638 JWK thumbprint of the public key
 * (base64url of SHA-256 of {@code {"crv":"Ed25519","kty":"OKP","x":"<base64url public key>"}}), naming which
 * published key to verify with. The key id is not signed: a checkpoint is genuine when some published key verifies
 * it.
 */
public record Checkpoint(UUID agreementId, long sequence, String headHash, Instant signedAt, String keyId,
                         String signature) {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** Times are kept to the millisecond (what the signed bytes carry). */
    public Checkpoint {
        Objects.requireNonNull(agreementId, "a checkpoint names its agreement");
        if (sequence < 0) {
            throw new IllegalArgumentException("a checkpoint's sequence is not negative: " + sequence);
        }
        if (headHash == null || !HASH.matcher(headHash).matches()) {
            throw new IllegalArgumentException("a checkpoint's head hash is 64 lowercase hex characters");
        }
        signedAt = Objects.requireNonNull(signedAt, "a checkpoint has a time").truncatedTo(ChronoUnit.MILLIS);
        Objects.requireNonNull(keyId, "a checkpoint names its key");
        Objects.requireNonNull(signature, "a checkpoint carries its signature");
    }

    /** The exact bytes the signature covers. */
    public byte[] signedBytes() {
        return signedBytes(agreementId, sequence, headHash, signedAt);
    }

    static byte[] signedBytes(UUID agreementId, long sequence, String headHash, Instant signedAt) {
        return ("sa-checkpoint/v1|" + agreementId + "|" + sequence + "|" + headHash + "|"
                + MILLIS.format(signedAt.truncatedTo(ChronoUnit.MILLIS))).getBytes(StandardCharsets.UTF_8);
    }
}
