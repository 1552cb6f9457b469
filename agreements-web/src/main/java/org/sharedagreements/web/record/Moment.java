package org.sharedagreements.web.record;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * An instant as a page shows it: {@code iso} for a {@code <time datetime>}, {@code text} for people, in UTC (the
 * service stamps everything in UTC and says so).
 */
public record Moment(String iso, String text) {

    public static Moment of(Instant instant, Locale locale) {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(locale).withZone(ZoneOffset.UTC);
        return new Moment(instant.toString(), format.format(instant) + " UTC");
    }

    /** An ISO-8601 instant as the read models write it; a value that is not one (erased) is shown as it is. */
    public static Moment of(String iso, Locale locale) {
        if (iso == null) {
            return null;
        }
        try {
            return of(Instant.parse(iso), locale);
        } catch (DateTimeParseException notAnInstant) {
            return new Moment(null, iso);
        }
    }
}
