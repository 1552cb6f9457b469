package org.sharedagreements.sealing;

import java.util.Base64;
import java.util.Objects;

/** Decoding of base64 key material from configuration, with errors that name the setting and never the value. */
final class Base64Keys {

    private Base64Keys() {
    }

    /** Standard or URL-safe base64, padded or not, surrounding whitespace ignored. */
    static byte[] decode(String base64, String setting) {
        if (base64 == null || base64.isBlank()) {
            throw new KeyConfigurationException(setting + " is missing");
        }
        String text = base64.strip();
        try {
            return text.indexOf('-') >= 0 || text.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(text)
                    : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new KeyConfigurationException(setting + " is not base64");
        }
    }

    static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(Objects.requireNonNull(bytes));
    }

    static String encodeUrl(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
