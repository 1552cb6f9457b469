package org.sharedagreements.command.agreement;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;
import org.sharedagreements.kernel.CounsellorId;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.access.GrantStatus;
import org.sharedagreements.kernel.counsellor.CounsellorAccessApproved;
import org.sharedagreements.kernel.counsellor.CounsellorAccessGranted;
import org.sharedagreements.kernel.counsellor.CounsellorAccessRequested;
import org.sharedagreements.kernel.counsellor.CounsellorAccessRevoked;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * One counsellor's current round of access: pending until every partner approved, then granted, until revoked.
 * A new request after a revocation starts a new round (a new grant, no approvals carried over).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class CounsellorGrant {

    @EntityId
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

    // value equality: the fixture's illegal-state-change check compares command-built and event-sourced state
    @Override
    public boolean equals(Object o) {
        return o instanceof CounsellorGrant other
                && Objects.equals(counsellorId, other.counsellorId)
                && status == other.status
                && Objects.equals(approvedBy, other.approvedBy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(counsellorId, status);
    }
}
