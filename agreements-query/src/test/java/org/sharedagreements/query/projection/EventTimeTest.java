package org.sharedagreements.query.projection;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTimeTest {

    private static final DateTimeFormatter CONTRACT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    @Test
    void instantsAreWrittenAsTheContractSays() {
        assertThat(EventTime.format(Instant.parse("2026-11-26T17:00:00.123456Z"))).isEqualTo("2026-11-26T17:00:00.123Z");
        assertThat(EventTime.format(Instant.parse("2026-01-05T09:08:07Z"))).isEqualTo("2026-01-05T09:08:07.000Z");
        assertThat(EventTime.format(null)).isNull();
        for (Instant edge : List.of(Instant.parse("1000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("0999-12-31T23:59:59.5Z"), Instant.parse("+10000-01-01T00:00:00Z"), Instant.EPOCH,
                Instant.parse("1969-12-31T23:59:59.001Z"), Instant.parse("2024-02-29T12:00:00.010Z"))) {
            assertThat(EventTime.format(edge)).as(edge.toString()).isEqualTo(CONTRACT.format(edge));
        }
    }

    @Test
    void theDigitsAgreeWithTheFormatterOnRandomInstants() {
        Random random = new Random(3);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(secondBetween(random, "0500-01-01T00:00:00Z",
                    "+12000-01-01T00:00:00Z"), random.nextInt(1_000_000_000));
            assertThat(EventTime.format(instant)).isEqualTo(CONTRACT.format(instant));
        }
    }

    @Test
    void storedTimesReadAsAxonReadsThem() {
        Random random = new Random(5);
        for (int i = 0; i < 50_000; i++) {
            Instant instant = Instant.ofEpochSecond(secondBetween(random, "1900-01-01T00:00:00Z", "2200-01-01T00:00:00Z"),
                    i % 3 == 0 ? 0 : i % 3 == 1 ? random.nextInt(1000) * 1_000_000 : random.nextInt(1_000_000_000));
            for (String text : List.of(DateTimeUtils.formatInstant(instant), instant.toString())) {
                assertThat(EventTime.parse(text)).as(text).isEqualTo(DateTimeUtils.parseInstant(text));
            }
        }
    }

    @Test
    void otherSpellingsAreLeftToAxon() {
        for (String text : List.of("2026-12-04T20:39:15.1Z", "2026-12-04T20:39:15.123456789Z", "2026-12-04T20:39:15Z",
                "2026-12-04T20:39:15.123+01:00", "2026-12-04t20:39:15.123z", "2024-02-29T23:59:59.999Z",
                "+12026-12-04T20:39:15.123Z")) {
            assertThat(EventTime.parse(text)).as(text).isEqualTo(DateTimeUtils.parseInstant(text));
        }
        for (String text : List.of("2026-02-30T10:00:00.000Z", "2026-13-01T10:00:00.000Z", "2026-12-04T24:00:00.000Z",
                "2026-12-31T23:59:60.000Z", "2026-12-04T20:39:15.Z", "2026-12-04T20:39:15.12a4Z",
                "not a time at all, Z")) {
            Instant axon;
            try {
                axon = DateTimeUtils.parseInstant(text);
            } catch (RuntimeException refused) {
                assertThatThrownBy(() -> EventTime.parse(text)).as(text).isInstanceOf(refused.getClass());
                continue;
            }
            assertThat(EventTime.parse(text)).as(text).isEqualTo(axon);
        }
    }

    /** A random epoch second from {@code from} (inclusive) to {@code to}, both ISO-8601 instants. */
    private static long secondBetween(Random random, String from, String to) {
        long first = Instant.parse(from).getEpochSecond();
        return first + (long) (random.nextDouble() * (Instant.parse(to).getEpochSecond() - first));
    }
}
