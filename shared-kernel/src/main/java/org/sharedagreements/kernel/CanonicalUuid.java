package org.sharedagreements.kernel;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The one UUID rule of the API: an id is read only in its canonical form, 8-4-4-4-12 hexadecimal digits (either
 * case). {@link UUID#fromString} alone would also take {@code 1-1-1-1-1}, so the same id could be spelled many ways.
 */
public final class CanonicalUuid {

    /** What a client is told when an id is not a canonical UUID. */
    public static final String PROBLEM = "must be a UUID";

    private static final Pattern CANONICAL = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private CanonicalUuid() {
    }

    public static boolean isCanonical(String value) {
        return value != null && CANONICAL.matcher(value).matches();
    }

    /** The UUID of a canonical text; {@link InvalidValue} for anything else. */
    public static UUID parse(String value) {
        if (!isCanonical(value)) {
            throw new InvalidValue(null, PROBLEM);
        }
        return UUID.fromString(value);
    }
}
