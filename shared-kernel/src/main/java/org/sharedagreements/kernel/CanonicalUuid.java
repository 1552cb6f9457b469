package org.sharedagreements.kernel;

import java.util.UUID;

/**
 * The one UUID rule of the API: an id is read only in its canonical form, 8-4-4-4-12 hexadecimal digits (either
 * case). {@link UUID#fromString} alone would also take {@code 1-1-1-1-1}, so the same id could be spelled many ways.
 */
public final class CanonicalUuid {

    /** What a client is told when an id is not a canonical UUID. */
    public static final String PROBLEM = "must be a UUID";

    private CanonicalUuid() {
    }

    /**
     * Whether the text is 8-4-4-4-12 hexadecimal digits: checked char by char, as every id of every stored event is
     * when it is read, where a regular expression cost more than the rest of reading the id.
     */
    public static boolean isCanonical(String value) {
        if (value == null || value.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = value.charAt(i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-'
                    : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The UUID of a canonical text; {@link InvalidValue} for anything else. */
    public static UUID parse(String value) {
        if (!isCanonical(value)) {
            throw new InvalidValue(null, PROBLEM);
        }
        return UUID.fromString(value);
    }
}
