package org.sharedagreements.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How often a boundary is revisited: an ISO-8601 period of days from P1D to P366D (weeks are accepted and
 * counted as days). Months and years are refused because their length in days is ambiguous.
 */
public record ReviewPeriod(Period value) {

    public static final int MIN_DAYS = 1;
    public static final int MAX_DAYS = 366;
    public static final ReviewPeriod DEFAULT = new ReviewPeriod(Period.ofDays(30));

    public ReviewPeriod {
        Objects.requireNonNull(value, "a review period needs a value");
        if (value.getYears() != 0 || value.getMonths() != 0) {
            throw new IllegalArgumentException("a review period is given in days (P1D to P366D), not months or years");
        }
        if (value.getDays() < MIN_DAYS || value.getDays() > MAX_DAYS) {
            throw new IllegalArgumentException("a review period is from P1D to P366D");
        }
    }

    /** Parses an ISO-8601 period such as {@code P30D} or {@code P2W}; throws IllegalArgumentException otherwise. */
    @JsonCreator
    public static ReviewPeriod parse(String text) {
        Objects.requireNonNull(text, "a review period needs a value");
        try {
            return new ReviewPeriod(Period.parse(text));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("a review period is an ISO-8601 period such as P30D");
        }
    }

    public Instant after(Instant start) {
        return start.atOffset(ZoneOffset.UTC).plus(value).toInstant();
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
