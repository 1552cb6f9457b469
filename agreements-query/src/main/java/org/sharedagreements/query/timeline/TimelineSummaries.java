package org.sharedagreements.query.timeline;

import org.sharedagreements.kernel.AgreementEvent;
import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.CounsellorId;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.EventKind;
import org.sharedagreements.kernel.boundary.BoundaryAccepted;
import org.sharedagreements.kernel.boundary.BoundaryActivated;
import org.sharedagreements.kernel.boundary.BoundaryDeclined;
import org.sharedagreements.kernel.boundary.BoundaryProposalWithdrawn;
import org.sharedagreements.kernel.boundary.BoundaryProposed;
import org.sharedagreements.kernel.boundary.BoundaryReaffirmed;
import org.sharedagreements.kernel.boundary.BoundaryReinstated;
import org.sharedagreements.kernel.boundary.BoundaryReviewDue;
import org.sharedagreements.kernel.boundary.BoundaryReviewed;
import org.sharedagreements.kernel.boundary.BoundaryRevised;
import org.sharedagreements.kernel.boundary.ConsentWithdrawn;
import org.sharedagreements.kernel.breach.BoundaryBroken;
import org.sharedagreements.kernel.counsellor.CounsellorAccessRevoked;
import org.sharedagreements.kernel.counsellor.CounsellorEvent;
import org.sharedagreements.kernel.counsellor.RevocationReason;
import org.sharedagreements.kernel.membership.AgreementErased;
import org.sharedagreements.kernel.membership.PartnerInvited;
import org.sharedagreements.kernel.redflag.RedFlagRaised;
import org.sharedagreements.query.projection.EventTime;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * One plain sentence per event for the timeline. Sentences name people by user id and versions by number but
 * quote no free text, title or category. The outline of a sentence ({@link #outline}) names no one and no
 * indicator either: it is what the sentence reads once the agreement is erased, and it is stored plain.
 */
public final class TimelineSummaries {

    private TimelineSummaries() {
    }

    public static String of(AgreementEvent event) {
        return of(event, UnaryOperator.identity());
    }

    /** The sentence with every user id and the red-flag indicator as {@value Confidential#ERASED}. */
    public static String outline(AgreementEvent event) {
        return of(event, name -> Confidential.ERASED);
    }

    private static String of(AgreementEvent event, UnaryOperator<String> names) {
        String actor = event.actor() == null ? "The service" : names.apply(event.actor().value());
        return switch (EventKind.of(event)) {
            case AGREEMENT_DRAFTED -> actor + " drafted the agreement.";
            case PARTNER_INVITED -> actor + " invited " + name(((PartnerInvited) event).partnerId(), names)
                    + " to join as a partner.";
            case PARTNER_JOINED -> actor + " joined the agreement.";
            case PARTNER_LEFT -> actor + " left the agreement.";
            case AGREEMENT_ENDED -> "The agreement ended because a partner left.";
            // the sentence the timeline has always stored for an erasure
            case AGREEMENT_ERASED -> actor + " recorded " + AgreementErased.class.getSimpleName() + ".";
            case BOUNDARY_PROPOSED -> actor + " proposed a new boundary (version "
                    + ((BoundaryProposed) event).boundaryVersion() + ").";
            case BOUNDARY_ACCEPTED -> actor + " accepted version " + ((BoundaryAccepted) event).boundaryVersion()
                    + " of a boundary.";
            case BOUNDARY_ACTIVATED -> "Every partner accepted version " + ((BoundaryActivated) event).boundaryVersion()
                    + " of a boundary, so it is now in force.";
            case BOUNDARY_DECLINED -> actor + " declined version " + ((BoundaryDeclined) event).boundaryVersion()
                    + " of a boundary.";
            case BOUNDARY_PROPOSAL_WITHDRAWN -> actor + " withdrew the proposed version "
                    + ((BoundaryProposalWithdrawn) event).boundaryVersion() + " of a boundary.";
            case BOUNDARY_REVISED -> actor + " proposed a revision of a boundary (version "
                    + ((BoundaryRevised) event).boundaryVersion() + ").";
            case CONSENT_WITHDRAWN -> actor + " withdrew consent to version "
                    + ((ConsentWithdrawn) event).boundaryVersion() + " of a boundary, which is suspended.";
            case BOUNDARY_REAFFIRMED -> actor + " reaffirmed version " + ((BoundaryReaffirmed) event).boundaryVersion()
                    + " of a boundary.";
            case BOUNDARY_REINSTATED -> "Every partner reaffirmed version "
                    + ((BoundaryReinstated) event).boundaryVersion()
                    + " of a suspended boundary, so it is active again.";
            case BOUNDARY_REVIEW_DUE -> "Version " + ((BoundaryReviewDue) event).boundaryVersion()
                    + " of a boundary is due for review.";
            case BOUNDARY_REVIEWED -> "Every partner reaffirmed a boundary on review; the next review is due at "
                    + EventTime.format(((BoundaryReviewed) event).nextReviewAt()) + ".";
            case BOUNDARY_RETIREMENT_REQUESTED -> actor + " asked to retire a boundary.";
            case BOUNDARY_RETIRED -> "Every partner asked to retire a boundary, so it is retired.";
            case BOUNDARY_BROKEN -> broken(actor, (BoundaryBroken) event, names);
            case BREACH_ACKNOWLEDGED -> actor + " acknowledged a breach.";
            case BREACH_RESOLUTION_CONFIRMED -> actor + " confirmed that a breach is resolved.";
            case BREACH_RESOLVED -> "Every partner confirmed that a breach is resolved.";
            case RED_FLAG_RAISED -> actor + " raised a red flag about "
                    + indicator((RedFlagRaised) event, names) + ".";
            case RED_FLAG_ADDRESSED -> actor + " marked a red flag as addressed.";
            case COUNSELLOR_ACCESS_REQUESTED -> actor + " asked for counsellor " + counsellor(event, names)
                    + " to have access.";
            case COUNSELLOR_ACCESS_APPROVED -> actor + " approved access for counsellor " + counsellor(event, names) + ".";
            case COUNSELLOR_ACCESS_GRANTED -> "Every partner approved, so counsellor " + counsellor(event, names)
                    + " has access.";
            case COUNSELLOR_ACCESS_REVOKED -> ((CounsellorAccessRevoked) event).reason()
                    == RevocationReason.MEMBERSHIP_CHANGED
                    ? "Access for counsellor " + counsellor(event, names) + " ended because a new partner joined."
                    : actor + " revoked access for counsellor " + counsellor(event, names) + ".";
        };
    }

    private static String broken(String actor, BoundaryBroken e, UnaryOperator<String> names) {
        return e.selfDisclosed()
                ? actor + " disclosed breaking version " + e.boundaryVersion() + " of a boundary."
                : actor + " reported that " + name(e.breachedBy(), names) + " broke version " + e.boundaryVersion()
                + " of a boundary.";
    }

    private static String counsellor(AgreementEvent event, UnaryOperator<String> names) {
        CounsellorId id = ((CounsellorEvent) event).counsellorId();
        return id == null ? Confidential.ERASED : names.apply(id.value());
    }

    /** A user id; in the events of an erased agreement it may read as erased (null). */
    private static String name(PartnerId id, UnaryOperator<String> names) {
        return id == null ? Confidential.ERASED : names.apply(id.value());
    }

    /** The indicator is content: the outline does not say it, nor do an erased agreement's events. */
    private static String indicator(RedFlagRaised event, UnaryOperator<String> names) {
        return event.indicator() == null ? Confidential.ERASED
                : names.apply(event.indicator().name().toLowerCase(Locale.ROOT));
    }
}
