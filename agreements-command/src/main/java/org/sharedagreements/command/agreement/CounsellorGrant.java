package org.sharedagreements.command.agreement;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.sharedagreements.kernel.CounsellorId;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.access.GrantStatus;
import org.sharedagreements.kernel.counsellor.CounsellorAccessApproved;
import org.sharedagreements.kernel.counsellor.CounsellorAccessGranted;
import org.sharedagreements.kernel.counsellor.CounsellorAccessRequested;
import org.sharedagreements.kernel.counsellor.CounsellorAccessRevoked;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One counsellor's current round of access: pending until every partner approved, then granted, until revoked.
 * A new request after a revocation starts a new round (a new grant, no approvals carried over).
 */
class CounsellorGrant extends MemberEntity {

    CounsellorId counsellorId;
    GrantStatus status;
    Set<PartnerId> approvedBy = new LinkedHashSet<>();

    CounsellorGrant() {
        // for Jackson snapshots
    }

    CounsellorGrant(CounsellorAccessRequested event) {
        this.counsellorId = event.counsellorId();
        this.status = GrantStatus.PENDING;
        // the request counts as the requester's approval
        this.approvedBy.add(event.actor());
    }

    /** Pending or granted: what a newcomer or a revocation ends. */
    boolean isOpen() {
        return status == GrantStatus.PENDING || status == GrantStatus.GRANTED;
    }

    @EventSourcingHandler
    void on(CounsellorAccessApproved event) {
        approvedBy.add(event.actor());
    }

    @EventSourcingHandler
    void on(CounsellorAccessGranted event) {
        status = GrantStatus.GRANTED;
    }

    @EventSourcingHandler
    void on(CounsellorAccessRevoked event) {
        status = GrantStatus.REVOKED;
    }
}
