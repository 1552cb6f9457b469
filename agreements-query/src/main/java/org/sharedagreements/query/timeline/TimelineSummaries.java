package org.sharedagreements.query.timeline;

import org.sharedagreements.kernel.AgreementEvent;
import org.sharedagreements.kernel.boundary.BoundaryAccepted;
import org.sharedagreements.kernel.boundary.BoundaryActivated;
import org.sharedagreements.kernel.boundary.BoundaryDeclined;
import org.sharedagreements.kernel.boundary.BoundaryProposalWithdrawn;
import org.sharedagreements.kernel.boundary.BoundaryProposed;
import org.sharedagreements.kernel.boundary.BoundaryReaffirmed;
import org.sharedagreements.kernel.boundary.BoundaryReinstated;
import org.sharedagreements.kernel.boundary.BoundaryRetired;
import org.sharedagreements.kernel.boundary.BoundaryRetirementRequested;
import org.sharedagreements.kernel.boundary.BoundaryReviewDue;
import org.sharedagreements.kernel.boundary.BoundaryReviewed;
import org.sharedagreements.kernel.boundary.BoundaryRevised;
import org.sharedagreements.kernel.boundary.ConsentWithdrawn;
import org.sharedagreements.kernel.breach.BoundaryBroken;
import org.sharedagreements.kernel.breach.BreachAcknowledged;
import org.sharedagreements.kernel.breach.BreachResolutionConfirmed;
import org.sharedagreements.kernel.breach.BreachResolved;
import org.sharedagreements.kernel.counsellor.CounsellorAccessApproved;
import org.sharedagreements.kernel.counsellor.CounsellorAccessGranted;
import org.sharedagreements.kernel.counsellor.CounsellorAccessRequested;
import org.sharedagreements.kernel.counsellor.CounsellorAccessRevoked;
import org.sharedagreements.kernel.counsellor.RevocationReason;
import org.sharedagreements.kernel.membership.AgreementDrafted;
import org.sharedagreements.kernel.membership.AgreementEnded;
import org.sharedagreements.kernel.membership.PartnerInvited;
import org.sharedagreements.kernel.membership.PartnerJoined;
import org.sharedagreements.kernel.membership.PartnerLeft;
import org.sharedagreements.kernel.redflag.RedFlagAddressed;
import org.sharedagreements.kernel.redflag.RedFlagRaised;
import org.sharedagreements.query.projection.EventTime;

import java.util.Locale;

/**
 * One plain sentence per event for the timeline. Sentences name people by user id and versions by number but
 * quote no free text, title or category, so they stay true and harmless after the content is erased.
 */
public final class TimelineSummaries {

    private TimelineSummaries() {
    }

    public static String of(AgreementEvent event) {
        String actor = event.actor() == null ? "The service" : event.actor().value();
        if (event instanceof AgreementDrafted) {
            return actor + " drafted the agreement.";
        } else if (event instanceof PartnerInvited e) {
            return actor + " invited " + e.partnerId().value() + " to join as a partner.";
        } else if (event instanceof PartnerJoined) {
            return actor + " joined the agreement.";
        } else if (event instanceof PartnerLeft) {
            return actor + " left the agreement.";
        } else if (event instanceof AgreementEnded) {
            return "The agreement ended because a partner left.";
        } else if (event instanceof BoundaryProposed e) {
            return actor + " proposed a new boundary (version " + e.boundaryVersion() + ").";
        } else if (event instanceof BoundaryAccepted e) {
            return actor + " accepted version " + e.boundaryVersion() + " of a boundary.";
        } else if (event instanceof BoundaryActivated e) {
            return "Every partner accepted version " + e.boundaryVersion() + " of a boundary, so it is now in force.";
        } else if (event instanceof BoundaryDeclined e) {
            return actor + " declined version " + e.boundaryVersion() + " of a boundary.";
        } else if (event instanceof BoundaryProposalWithdrawn e) {
            return actor + " withdrew the proposed version " + e.boundaryVersion() + " of a boundary.";
        } else if (event instanceof BoundaryRevised e) {
            return actor + " proposed a revision of a boundary (version " + e.boundaryVersion() + ").";
        } else if (event instanceof ConsentWithdrawn e) {
            return actor + " withdrew consent to version " + e.boundaryVersion() + " of a boundary, which is suspended.";
        } else if (event instanceof BoundaryReaffirmed e) {
            return actor + " reaffirmed version " + e.boundaryVersion() + " of a boundary.";
        } else if (event instanceof BoundaryReinstated e) {
            return "Every partner reaffirmed version " + e.boundaryVersion() + " of a suspended boundary, so it is active again.";
        } else if (event instanceof BoundaryReviewDue e) {
            return "Version " + e.boundaryVersion() + " of a boundary is due for review.";
        } else if (event instanceof BoundaryReviewed e) {
            return "Every partner reaffirmed a boundary on review; the next review is due at "
                    + EventTime.format(e.nextReviewAt()) + ".";
        } else if (event instanceof BoundaryRetirementRequested) {
            return actor + " asked to retire a boundary.";
        } else if (event instanceof BoundaryRetired) {
            return "Every partner asked to retire a boundary, so it is retired.";
        } else if (event instanceof BoundaryBroken e) {
            return e.selfDisclosed()
                    ? actor + " disclosed breaking version " + e.boundaryVersion() + " of a boundary."
                    : actor + " reported that " + e.breachedBy().value() + " broke version " + e.boundaryVersion()
                    + " of a boundary.";
        } else if (event instanceof BreachAcknowledged) {
            return actor + " acknowledged a breach.";
        } else if (event instanceof BreachResolutionConfirmed) {
            return actor + " confirmed that a breach is resolved.";
        } else if (event instanceof BreachResolved) {
            return "Every partner confirmed that a breach is resolved.";
        } else if (event instanceof RedFlagRaised e) {
            return actor + " raised a red flag about " + e.indicator().name().toLowerCase(Locale.ROOT) + ".";
        } else if (event instanceof RedFlagAddressed) {
            return actor + " marked a red flag as addressed.";
        } else if (event instanceof CounsellorAccessRequested e) {
            return actor + " asked for counsellor " + e.counsellorId().value() + " to have access.";
        } else if (event instanceof CounsellorAccessApproved e) {
            return actor + " approved access for counsellor " + e.counsellorId().value() + ".";
        } else if (event instanceof CounsellorAccessGranted e) {
            return "Every partner approved, so counsellor " + e.counsellorId().value() + " has access.";
        } else if (event instanceof CounsellorAccessRevoked e) {
            return e.reason() == RevocationReason.MEMBERSHIP_CHANGED
                    ? "Access for counsellor " + e.counsellorId().value() + " ended because a new partner joined."
                    : actor + " revoked access for counsellor " + e.counsellorId().value() + ".";
        }
        return actor + " recorded " + event.getClass().getSimpleName() + ".";
    }
}
