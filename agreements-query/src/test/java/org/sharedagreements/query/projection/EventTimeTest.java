package org.sharedagreements.query.projection;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

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
        long from = Instant.parse("0500-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("+12000-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)),
                    random.nextInt(1_000_000_000));
            assertThat(EventTime.format(instant)).isEqualTo(CONTRACT.format(instant));
        }
    }
}
