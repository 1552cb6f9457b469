package org.sharedagreements.query.projection;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.query.support.ReadModelDatabase;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class ReadModelProgressTest {

    private ProjectionProgress progress;
    private ReadModelProgress waiting;

    @BeforeEach
    void progress() {
        progress = new ProjectionProgress(ReadModelDatabase.emptied(), new ProgressSignal());
        waiting = new ReadModelProgress(progress, Duration.ofMillis(20));
    }

    @Test
    void answersAtOnceWhenTheProjectionsAreThere() {
        AgreementId agreementId = AgreementId.random();
        progress.advance(Projections.AGREEMENT_STATE, agreementId, 3);
        progress.advance(Projections.TIMELINE, agreementId, 3);

        assertThat(waiting.await(agreementId, 3, List.of(Projections.AGREEMENT_STATE, Projections.TIMELINE),
                Duration.ofSeconds(5))).isTrue();
        assertThat(progress.lastApplied(Projections.AGREEMENT_STATE, agreementId)).isEqualTo(3);
    }

    @Test
    void progressNeverMovesBackwards() {
        AgreementId agreementId = AgreementId.random();
        progress.advance(Projections.TIMELINE, agreementId, 5);
        progress.advance(Projections.TIMELINE, agreementId, 2);
        assertThat(progress.lastApplied(Projections.TIMELINE, agreementId)).isEqualTo(5);
    }

    @Test
    void waitsUntilAProjectionCatchesUp() {
        AgreementId agreementId = AgreementId.random();
        progress.advance(Projections.AGREEMENT_STATE, agreementId, 1);

        CompletableFuture<Boolean> caughtUp = CompletableFuture.supplyAsync(() -> waiting.await(agreementId, 2,
                List.of(Projections.AGREEMENT_STATE), Duration.ofSeconds(5)));
        progress.advance(Projections.AGREEMENT_STATE, agreementId, 2);

        assertThat(caughtUp.join()).isTrue();
    }

    @Test
    void givesUpAfterTheTimeout() {
        AgreementId agreementId = AgreementId.random();
        long started = System.nanoTime();
        assertThat(waiting.await(agreementId, 0, List.of(Projections.AGREEMENT_STATE), Duration.ofMillis(150)))
                .isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }
}
