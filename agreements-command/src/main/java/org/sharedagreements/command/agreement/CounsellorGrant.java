package org.sharedagreements.command.agreement;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;
import org.sharedagreements.kernel.CounsellorId;
import org.sharedagreements.kernel.counsellor.CounsellorAccessApproved;
import org.sharedagreements.kernel.counsellor.CounsellorAccessGranted;
import org.sharedagreements.kernel.counsellor.CounsellorAccessRevoked;
import org.sharedagreements.kernel.PartnerId;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/** One counsellor's access to the agreement: pending until every partner approved, then granted, until revoked. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class CounsellorGrant {

    enum Status { PENDING, GRANTED, REVOKED }

    @EntityId
    CounsellorId counsellorId;
    Status status = Status.PENDING;
    Set<PartnerId> approvedBy = new LinkedHashSet<>();

    CounsellorGrant() {
    }

    CounsellorGrant(CounsellorId counsellorId, PartnerId requestedBy) {
        this.counsellorId = counsellorId;
        this.approvedBy.add(requestedBy);
    }

    boolean open() {
        return status == Status.PENDING || status == Status.GRANTED;
    }

    @EventSourcingHandler
    void on(CounsellorAccessApproved event) {
        approvedBy.add(event.actor());
    }

    @EventSourcingHandler
    void on(CounsellorAccessGranted event) {
        status = Status.GRANTED;
    }

    @EventSourcingHandler
    void on(CounsellorAccessRevoked event) {
        status = Status.REVOKED;
    }

    // value equality: Axon's fixture compares the state built by command handlers with the state sourced from events
    @Override
    public boolean equals(Object o) {
        return o instanceof CounsellorGrant other && Objects.equals(counsellorId, other.counsellorId)
                && Objects.equals(status, other.status) && Objects.equals(approvedBy, other.approvedBy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(counsellorId, status, approvedBy);
    }
}
