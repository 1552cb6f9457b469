package org.sharedagreements.query.support;

import org.sharedagreements.kernel.PrivateText;
import org.sharedagreements.kernel.AgreementEvent;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.BoundaryCategory;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.BoundaryTerms;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.ReviewPeriod;
import org.sharedagreements.kernel.boundary.BoundaryAccepted;
import org.sharedagreements.kernel.boundary.BoundaryActivated;
import org.sharedagreements.kernel.boundary.BoundaryProposed;
import org.sharedagreements.kernel.boundary.BoundaryRevised;
import org.sharedagreements.kernel.membership.AgreementDrafted;
import org.sharedagreements.kernel.membership.PartnerInvited;
import org.sharedagreements.kernel.membership.PartnerJoined;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The events of one agreement as the aggregate would record them, each with its sequence number and timestamp. */
public final class Story {

    public record Recorded(AgreementEvent event, long sequence, Instant at) {
    }

    public static final PartnerId ADA = PartnerId.of("ada");
    public static final PartnerId BEN = PartnerId.of("ben");

    public final AgreementId agreementId = AgreementId.random();
    public final List<Recorded> events = new ArrayList<>();
    private Instant clock = Instant.parse("2026-01-05T10:00:00.123Z");

    public Story then(AgreementEvent event) {
        events.add(new Recorded(event, events.size(), clock));
        clock = clock.plus(Duration.ofMinutes(1));
        return this;
    }

    public Story after(Duration duration) {
        clock = clock.plus(duration);
        return this;
    }

    public Instant now() {
        return clock;
    }

    public Recorded last() {
        return events.get(events.size() - 1);
    }

    /** Drafted by ada, ben invited and joined: sequences 0..2. */
    public static Story formed() {
        Story story = new Story();
        return story.then(new AgreementDrafted(story.agreementId, ADA, PrivateText.of("Our agreement")))
                .then(new PartnerInvited(story.agreementId, ADA, BEN))
                .then(new PartnerJoined(story.agreementId, BEN));
    }

    public static BoundaryTerms terms(String statement, String reviewEvery) {
        return new BoundaryTerms(BoundaryCategory.ONLINE_ENGAGEMENT, statement, "We can ask", "We talk it through",
                ReviewPeriod.parse(reviewEvery));
    }

    /** Ada proposes, ben accepts, it is activated. */
    public Story activeBoundary(BoundaryId boundaryId, BoundaryTerms terms) {
        return then(new BoundaryProposed(agreementId, ADA, boundaryId, 1, terms))
                .then(new BoundaryAccepted(agreementId, BEN, boundaryId, 1))
                .then(new BoundaryActivated(agreementId, BEN, boundaryId, 1, clock.plus(Duration.ofDays(30))));
    }

    /** Ben revises to {@code version}, ada accepts, it is activated. */
    public Story acceptedRevision(BoundaryId boundaryId, int version, BoundaryTerms terms) {
        return then(new BoundaryRevised(agreementId, BEN, boundaryId, version, terms))
                .then(new BoundaryAccepted(agreementId, ADA, boundaryId, version))
                .then(new BoundaryActivated(agreementId, ADA, boundaryId, version, clock.plus(Duration.ofDays(30))));
    }
}
