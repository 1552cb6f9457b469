package org.sharedagreements.kernel;

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
import org.sharedagreements.kernel.membership.AgreementDrafted;
import org.sharedagreements.kernel.membership.AgreementEnded;
import org.sharedagreements.kernel.membership.AgreementErased;
import org.sharedagreements.kernel.membership.PartnerInvited;
import org.sharedagreements.kernel.membership.PartnerJoined;
import org.sharedagreements.kernel.membership.PartnerLeft;
import org.sharedagreements.kernel.redflag.RedFlagAddressed;
import org.sharedagreements.kernel.redflag.RedFlagRaised;

import java.util.HashMap;
import java.util.Map;

/**
 * One constant per event of an agreement, so that code that treats every event (the read side's fold) can
 * switch over the kind in a switch expression, which the compiler checks for completeness: Java 17 has no switch
 * over the event types themselves. A static lookup rather than a method on {@link AgreementEvent}, so that
 * nothing new can appear in an event's serialized form. {@code EventKindTest} proves that every event record
 * of the kernel has exactly one kind.
 */
public enum EventKind {
    AGREEMENT_DRAFTED(AgreementDrafted.class),
    PARTNER_INVITED(PartnerInvited.class),
    PARTNER_JOINED(PartnerJoined.class),
    PARTNER_LEFT(PartnerLeft.class),
    AGREEMENT_ENDED(AgreementEnded.class),
    AGREEMENT_ERASED(AgreementErased.class),
    BOUNDARY_PROPOSED(BoundaryProposed.class),
    BOUNDARY_REVISED(BoundaryRevised.class),
    BOUNDARY_ACCEPTED(BoundaryAccepted.class),
    BOUNDARY_ACTIVATED(BoundaryActivated.class),
    BOUNDARY_DECLINED(BoundaryDeclined.class),
    BOUNDARY_PROPOSAL_WITHDRAWN(BoundaryProposalWithdrawn.class),
    CONSENT_WITHDRAWN(ConsentWithdrawn.class),
    BOUNDARY_REAFFIRMED(BoundaryReaffirmed.class),
    BOUNDARY_REINSTATED(BoundaryReinstated.class),
    BOUNDARY_REVIEW_DUE(BoundaryReviewDue.class),
    BOUNDARY_REVIEWED(BoundaryReviewed.class),
    BOUNDARY_RETIREMENT_REQUESTED(BoundaryRetirementRequested.class),
    BOUNDARY_RETIRED(BoundaryRetired.class),
    BOUNDARY_BROKEN(BoundaryBroken.class),
    BREACH_ACKNOWLEDGED(BreachAcknowledged.class),
    BREACH_RESOLUTION_CONFIRMED(BreachResolutionConfirmed.class),
    BREACH_RESOLVED(BreachResolved.class),
    RED_FLAG_RAISED(RedFlagRaised.class),
    RED_FLAG_ADDRESSED(RedFlagAddressed.class),
    COUNSELLOR_ACCESS_REQUESTED(CounsellorAccessRequested.class),
    COUNSELLOR_ACCESS_APPROVED(CounsellorAccessApproved.class),
    COUNSELLOR_ACCESS_GRANTED(CounsellorAccessGranted.class),
    COUNSELLOR_ACCESS_REVOKED(CounsellorAccessRevoked.class);

    private static final Map<Class<?>, EventKind> BY_TYPE = new HashMap<>();

    static {
        for (EventKind kind : values()) {
            BY_TYPE.put(kind.type, kind);
        }
    }

    private final Class<? extends AgreementEvent> type;

    EventKind(Class<? extends AgreementEvent> type) {
        this.type = type;
    }

    /** The event record of this kind. */
    public Class<? extends AgreementEvent> type() {
        return type;
    }

    public static EventKind of(AgreementEvent event) {
        EventKind kind = BY_TYPE.get(event.getClass());
        if (kind == null) {
            throw new IllegalArgumentException("no kind for " + event.getClass().getName());
        }
        return kind;
    }
}
