package org.sharedagreements.app.crypto;

import org.sharedagreements.sealing.KeyConfigurationException;
import org.sharedagreements.sealing.MasterKeyring;

import java.util.Base64;

/**
 * Reads the setting {@code agreements.crypto.master-key} (and the local profile's {@code ./data/master-key} file)
 * into the versioned {@link MasterKeyring} that wraps every agreement's data key. Two forms:
 * <ul>
 *   <li>a Tink JSON keyset of AES-256-GCM keys (text starting with <code>{</code>), the form {@code keys generate}
 *       and {@code keys rotate} write;</li>
 *   <li>base64 of 32 bytes, the form before keysets: it becomes a one-version keyring whose version is
 *       {@value #RAW_KEY_VERSION}, so rows it wrapped before versions existed still open, and the operator can
 *       rotate away from it ({@code keys import} turns it into a keyset).</li>
 * </ul>
 * Errors name the setting and never echo its value.
 */
public final class MasterKey {

    static final int BYTES = 32;
    /** The version a master key given as base64 of 32 bytes gets in the keyring (fixed, so it is the same on every node). */
    public static final int RAW_KEY_VERSION = 1;
    private static final String FORMS = "agreements.crypto.master-key must be a Tink JSON keyset of AES-256-GCM keys"
            + " or base64 of 32 bytes";

    private MasterKey() {
    }

    public static MasterKeyring fromSetting(String setting) {
        if (setting == null || setting.isBlank()) {
            throw new IllegalArgumentException(FORMS + "; it is empty");
        }
        String text = setting.trim();
        if (text.startsWith("{")) {
            try {
                return MasterKeyring.fromKeysetJson(text);
            } catch (KeyConfigurationException e) {
                throw new IllegalArgumentException("agreements.crypto.master-key: " + e.getMessage());
            }
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(FORMS);
        }
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException(FORMS + ", not base64 of " + bytes.length + " bytes");
        }
        return MasterKeyring.fromRawKey(bytes, RAW_KEY_VERSION);
    }
}
