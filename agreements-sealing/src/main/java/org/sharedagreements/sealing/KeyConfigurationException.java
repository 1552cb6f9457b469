package org.sharedagreements.sealing;

/**
 * A key from configuration that cannot be used: not base64, the wrong length, the wrong kind of key. The message
 * names the setting and what it must be, and never echoes the value (a half-right secret is still a secret).
 */
public final class KeyConfigurationException extends IllegalArgumentException {

    KeyConfigurationException(String message) {
        super(message);
    }
}
