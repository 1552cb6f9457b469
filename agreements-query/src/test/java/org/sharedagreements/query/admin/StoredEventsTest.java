package org.sharedagreements.query.admin;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredEventsTest {

    @Test
    void storedTimesReadAsAxonReadsThem() {
        Random random = new Random(5);
        long from = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2200-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 50_000; i++) {
            Instant instant = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)),
                    i % 3 == 0 ? 0 : i % 3 == 1 ? random.nextInt(1000) * 1_000_000 : random.nextInt(1_000_000_000));
            for (String text : List.of(DateTimeUtils.formatInstant(instant), instant.toString())) {
                assertThat(StoredEvents.instant(text)).as(text).isEqualTo(DateTimeUtils.parseInstant(text));
            }
        }
    }

    @Test
    void otherSpellingsAreLeftToAxon() {
        for (String text : List.of("2026-12-04T20:39:15.1Z", "2026-12-04T20:39:15.123456789Z", "2026-12-04T20:39:15Z",
                "2026-12-04T20:39:15.123+01:00", "2026-12-04t20:39:15.123z", "2024-02-29T23:59:59.999Z",
                "+12026-12-04T20:39:15.123Z")) {
            assertThat(StoredEvents.instant(text)).as(text).isEqualTo(DateTimeUtils.parseInstant(text));
        }
        for (String text : List.of("2026-02-30T10:00:00.000Z", "2026-13-01T10:00:00.000Z", "2026-12-04T24:00:00.000Z",
                "2026-12-31T23:59:60.000Z", "2026-12-04T20:39:15.Z", "2026-12-04T20:39:15.12a4Z",
                "not a time at all, Z")) {
            Instant axon;
            try {
                axon = DateTimeUtils.parseInstant(text);
            } catch (RuntimeException refused) {
                assertThatThrownBy(() -> StoredEvents.instant(text)).as(text).isInstanceOf(refused.getClass());
                continue;
            }
            assertThat(StoredEvents.instant(text)).as(text).isEqualTo(axon);
        }
    }
}
