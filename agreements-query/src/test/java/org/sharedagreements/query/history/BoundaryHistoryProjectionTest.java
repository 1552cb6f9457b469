package org.sharedagreements.query.history;

import org.sharedagreements.kernel.PrivateText;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.boundary.BoundaryDeclined;
import org.sharedagreements.kernel.boundary.BoundaryProposalWithdrawn;
import org.sharedagreements.kernel.boundary.BoundaryRetired;
import org.sharedagreements.kernel.boundary.BoundaryRevised;
import org.sharedagreements.query.projection.ProjectionProgress;
import org.sharedagreements.query.projection.Projections;
import org.sharedagreements.query.support.ReadModelDatabase;
import org.sharedagreements.query.support.TestSeals;
import org.sharedagreements.query.support.Story;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sharedagreements.query.support.Story.ADA;
import static org.sharedagreements.query.support.Story.BEN;

/** Feeds events to the boundary-history projection and reads its table on PostgreSQL. */
class BoundaryHistoryProjectionTest {

    private JdbcTemplate jdbc;
    private BoundaryHistoryRepository history;
    private ProjectionProgress progress;
    private BoundaryHistoryProjection projection;

    @BeforeEach
    void emptyReadSide() {
        jdbc = ReadModelDatabase.emptied();
        history = new BoundaryHistoryRepository(jdbc, TestSeals.fresh());
        progress = new ProjectionProgress(jdbc);
        projection = new BoundaryHistoryProjection(history, progress);
    }

    private void feed(Story story) {
        story.events.forEach(e -> projection.on(e.event(), e.sequence(), e.at()));
    }

    @Test
    void everyVersionWithItsOutcomeAndTheChangesBetweenVersionsInForce() {
        BoundaryId boundary = BoundaryId.random();
        Story story = Story.formed().activeBoundary(boundary, Story.terms("v1", "P30D"));
        story.then(new BoundaryRevised(story.agreementId, BEN, boundary, 2, Story.terms("v2", "P30D")))
                .then(new BoundaryDeclined(story.agreementId, ADA, boundary, 2, PrivateText.of("too strict")));
        story.acceptedRevision(boundary, 3, Story.terms("v3", "P14D"));
        story.then(new BoundaryRevised(story.agreementId, ADA, boundary, 4, Story.terms("v4", "P14D")))
                .then(new BoundaryProposalWithdrawn(story.agreementId, ADA, boundary, 4));
        story.then(new BoundaryRevised(story.agreementId, BEN, boundary, 5, Story.terms("v5", "P14D")));
        feed(story);
        feed(story); // redelivered: no change

        List<BoundaryVersion> versions = history.versions(story.agreementId, boundary);
        assertThat(versions).extracting(v -> v.boundaryVersion() + ":" + v.kind() + ":" + v.outcome())
                .containsExactly("1:PROPOSAL:SUPERSEDED", "2:REVISION:DECLINED", "3:REVISION:ACTIVATED",
                        "4:REVISION:WITHDRAWN", "5:REVISION:PENDING");
        assertThat(versions.get(0).acceptedBy()).containsExactly("ada", "ben");
        assertThat(versions.get(0).supersededAt()).isNotNull();
        assertThat(versions.get(1).reason()).isEqualTo("too strict");
        assertThat(versions.get(1).decidedBy()).isEqualTo("ada");
        assertThat(versions.get(2).acceptedBy()).containsExactly("ben", "ada");
        assertThat(versions.get(2).terms().statement()).isEqualTo("v3");

        BoundaryHistory answer = BoundaryHistory.of(story.agreementId.toString(), boundary.toString(), versions);
        assertThat(answer.changes()).hasSize(1);
        BoundaryHistory.Change change = answer.changes().get(0);
        assertThat(change.fromVersion()).isEqualTo(1);
        assertThat(change.toVersion()).isEqualTo(3);
        assertThat(change.fields()).containsExactly(new BoundaryHistory.FieldChange("statement", "v1", "v3"),
                new BoundaryHistory.FieldChange("reviewEvery", "P30D", "P14D"));

        assertThat(progress.lastApplied(Projections.BOUNDARY_HISTORY, story.agreementId))
                .isEqualTo(story.last().sequence());
    }

    @Test
    void retiringABoundaryWithdrawsItsPendingRevision() {
        BoundaryId boundary = BoundaryId.random();
        Story story = Story.formed().activeBoundary(boundary, Story.terms("v1", "P30D"));
        story.then(new BoundaryRevised(story.agreementId, BEN, boundary, 2, Story.terms("v2", "P30D")))
                .then(new BoundaryRetired(story.agreementId, ADA, boundary));
        feed(story);

        assertThat(history.versions(story.agreementId, boundary)).extracting(BoundaryVersion::outcome)
                .containsExactly("ACTIVATED", "WITHDRAWN");
    }

    @Test
    void erasurePurgesTheTermsOfEveryVersion() {
        BoundaryId boundary = BoundaryId.random();
        Story story = Story.formed().activeBoundary(boundary, Story.terms("v1", "P30D"));
        story.then(new BoundaryRevised(story.agreementId, BEN, boundary, 2, Story.terms("v2", "P30D")))
                .then(new BoundaryDeclined(story.agreementId, ADA, boundary, 2, PrivateText.of("private reason")))
                .then(new org.sharedagreements.kernel.membership.AgreementErased(story.agreementId, ADA));
        feed(story);

        List<BoundaryVersion> versions = history.versions(story.agreementId, boundary);
        assertThat(versions).extracting(v -> v.terms().statement()).containsOnly("[erased]");
        assertThat(versions).extracting(v -> v.terms().category()).containsOnly("[erased]");
        assertThat(versions.get(1).reason()).isEqualTo("[erased]");
        assertThat(versions.get(1).outcome()).isEqualTo("DECLINED");
    }

    @Test
    void advancesOnEveryEventOfTheAgreementAndResets() {
        Story story = Story.formed();
        feed(story);
        assertThat(progress.lastApplied(Projections.BOUNDARY_HISTORY, story.agreementId)).isEqualTo(2);

        projection.reset();
        assertThat(progress.lastApplied(Projections.BOUNDARY_HISTORY, story.agreementId))
                .isEqualTo(ProjectionProgress.NOTHING_APPLIED);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM boundary_version", Long.class)).isZero();
    }
}
