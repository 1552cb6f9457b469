package org.sharedagreements.query.projection;

import org.axonframework.common.DateTimeUtils;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Instants as the contract writes them: ISO-8601 UTC with exactly three fraction digits ({@code 2026-11-26T17:00:00.123Z}). */
public final class EventTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private EventTime() {
    }

    /**
     * Written digit by digit for the years 1000 to 9999 (every event's, and a tenth of a rebuild's timeline work in
     * the formatter's general path before), through the formatter for any other.
     */
    public static String format(Instant instant) {
        if (instant == null) {
            return null;
        }
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        int year = time.getYear();
        if (year < 1000 || year > 9999) {
            return FORMAT.format(instant);
        }
        char[] text = new char[24];
        digits(text, 0, year, 4);
        text[4] = '-';
        digits(text, 5, time.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, time.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, time.getHour(), 2);
        text[13] = ':';
        digits(text, 14, time.getMinute(), 2);
        text[16] = ':';
        digits(text, 17, time.getSecond(), 2);
        text[19] = '.';
        digits(text, 20, time.getNano() / 1_000_000, 3);
        text[23] = 'Z';
        return new String(text);
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * A stored time ({@code 2026-12-04T20:39:15.123Z}, as Axon writes it, or with no or up to nine fraction digits):
     * read digit by digit; any other spelling, and any value out of range, is left to Axon's parser, which reads
     * (or refuses) it as before.
     */
    public static Instant parse(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z'
                || (length > 20 && (text.charAt(19) != '.' || length == 21))) {
            return DateTimeUtils.parseInstant(text);
        }
        int year = digitsOf(text, 0, 4);
        int month = digitsOf(text, 5, 2);
        int day = digitsOf(text, 8, 2);
        int hour = digitsOf(text, 11, 2);
        int minute = digitsOf(text, 14, 2);
        int second = digitsOf(text, 17, 2);
        int nanos = 0;
        if (length > 20) {
            int fraction = digitsOf(text, 20, length - 21);
            if (fraction < 0) {
                return DateTimeUtils.parseInstant(text);
            }
            nanos = fraction;
            for (int i = length - 21; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return DateTimeUtils.parseInstant(text);
        }
        return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
    }

    /** The number the {@code count} digits at {@code from} spell, or -1 if any of them is not a digit. */
    private static int digitsOf(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Event timestamps are kept to the millisecond, the precision the contract shows. */
    public static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
