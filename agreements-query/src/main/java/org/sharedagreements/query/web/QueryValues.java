package org.sharedagreements.query.web;

import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.InvalidValue;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Reads query parameters that their constraints ({@link WholeNumber}, {@link IsoInstant}) have let through, and
 * the one rule between parameters: a listing's {@code minVersion} needs the {@code agreementId} to wait for.
 */
public final class QueryValues {

    private QueryValues() {
    }

    /** A whole number ({@code null} when absent); NumberFormatException for what {@link WholeNumber} refuses. */
    public static Long wholeNumber(String value) {
        return value == null ? null : Long.parseLong(value.trim());
    }

    /** Why {@code value} is no whole number from {@code min} to {@code max}, or {@code null} (also when absent). */
    public static String wholeNumberProblem(String value, long min, long max) {
        if (value == null) {
            return null;
        }
        try {
            long number = wholeNumber(value);
            if (number >= min && number <= max) {
                return null;
            }
        } catch (NumberFormatException e) {
            // the same problem as out of range
        }
        return max == Long.MAX_VALUE ? "must be a whole number from " + min
                : "must be a whole number from " + min + " to " + max;
    }

    /** An instant with an offset ({@code null} when absent). */
    public static Instant instant(String value) {
        return value == null ? null : OffsetDateTime.parse(value.trim()).toInstant();
    }

    /**
     * The agreement whose event {@code minVersion} a listing is to reflect: required with {@code minVersion},
     * {@code null} when neither is given.
     */
    public static AgreementId awaited(AgreementId agreementId, String minVersion) {
        if (agreementId == null && minVersion != null) {
            throw new InvalidValue("agreementId", "is required with minVersion: the agreement whose version to wait for");
        }
        return agreementId;
    }
}
