package org.sharedagreements.app.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;

/**
 * Encryption at rest ({@code agreements.crypto.*}). The master key's form is checked by {@link MasterKey} when the
 * service starts, and its absence outside the local profile by the profile rules, which name the missing setting.
 *
 * @param masterKey the master keyset that wraps every agreement's data key: a Tink JSON keyset of AES-256-GCM keys
 *                  (or, as before keysets, base64 of 32 random bytes: a one-version keyset); no default, because a
 *                  key that shipped with the code would protect nothing (the local profile generates one instead)
 * @param localMasterKeyFile where the local profile keeps the master keyset it generates
 *                           ({@code ./data/master-key}, set by that profile; an older run's base64 key there is
 *                           still read); read by no other profile
 * @param blindIndexKey base64 of the 32-byte HMAC-SHA-256 key of the blind indexes that find rows by user id
 *                      (members, counsellors, idempotency keys); never stored in the database; changing it means
 *                      recomputing every index, so it does not rotate like the master key
 * @param localBlindIndexKeyFile where the local profile keeps the blind-index key it generates
 *                               ({@code ./data/blind-index-key}); read by no other profile
 * @param checkpointSigningKey base64 of the 32-byte Ed25519 seed that signs checkpoints of each agreement's head
 *                             hash; never stored in the database; its public key is served to verifiers
 * @param localCheckpointSigningKeyFile where the local profile keeps the checkpoint signing key it generates
 *                                      ({@code ./data/checkpoint-signing-key}); read by no other profile
 */
@Validated
@ConfigurationProperties("agreements.crypto")
public record CryptoSettings(String masterKey, Path localMasterKeyFile,
                             String blindIndexKey, Path localBlindIndexKeyFile,
                             String checkpointSigningKey, Path localCheckpointSigningKeyFile) {

    @Override
    public String toString() {
        return "CryptoSettings[masterKey=" + hidden(masterKey) + ", localMasterKeyFile=" + localMasterKeyFile
                + ", blindIndexKey=" + hidden(blindIndexKey) + ", localBlindIndexKeyFile=" + localBlindIndexKeyFile
                + ", checkpointSigningKey=" + hidden(checkpointSigningKey) + ", localCheckpointSigningKeyFile="
                + localCheckpointSigningKeyFile + "]";
    }

    private static String hidden(String secret) {
        return secret == null ? "none" : "****";
    }
}
