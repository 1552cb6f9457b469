package org.sharedagreements.query.admin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionStatusTest {

    @Test
    void progressIsThePositionAsAShareOfTheHeadRoundedDown() {
        assertThat(ProjectionStatus.of("p", 1999, 2000, true, 0).progressPercent()).isEqualTo(99.9);
        assertThat(ProjectionStatus.of("p", 500, 2000, true, 0).progressPercent()).isEqualTo(25.0);
        assertThat(ProjectionStatus.of("p", 0, 2000, true, 0).progressPercent()).isEqualTo(0.0);
    }

    @Test
    void onlyACaughtUpProjectionThatIsNotReplayingIsAtAHundredPercent() {
        assertThat(ProjectionStatus.of("p", 2000, 2000, false, 0).progressPercent()).isEqualTo(100.0);
        assertThat(ProjectionStatus.of("p", 2000, 2000, true, 0).progressPercent()).isEqualTo(99.9);
        assertThat(ProjectionStatus.of("p", 0, 0, false, 0).progressPercent()).isEqualTo(100.0);
    }
}
