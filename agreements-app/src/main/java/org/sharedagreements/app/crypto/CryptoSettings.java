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
 */
@Validated
@ConfigurationProperties("agreements.crypto")
public record CryptoSettings(String masterKey, Path localMasterKeyFile) {

    @Override
    public String toString() {
        return "CryptoSettings[masterKey=" + (masterKey == null ? "none" : "****") + ", localMasterKeyFile="
                + localMasterKeyFile + "]";
    }
}
