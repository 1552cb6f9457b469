package org.sharedagreements.command.agreement;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.sharedagreements.kernel.PartnerId;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/** One counsellor's access to the agreement: pending until every partner approved, then granted, until revoked. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class CounsellorGrant {

    enum Status { PENDING, GRANTED, REVOKED }

    Status status = Status.PENDING;
    Set<PartnerId> approvedBy = new LinkedHashSet<>();

    boolean open() {
        return status == Status.PENDING || status == Status.GRANTED;
    }

    // value equality: Axon's fixture compares the state built by command handlers with the state sourced from events
    @Override
    public boolean equals(Object o) {
        return o instanceof CounsellorGrant other && Objects.equals(status, other.status) && Objects.equals(approvedBy, other.approvedBy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, approvedBy);
    }
}
