package org.sharedagreements.command.agreement;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.sharedagreements.kernel.PartnerId;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/** What the agreement needs to decide about one breach: who broke the boundary, its state, who confirmed the resolution. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Breach {

    enum Status { OPEN, ACKNOWLEDGED, RESOLVED }

    PartnerId breachedBy;
    Status status;
    Set<PartnerId> resolutionConfirmedBy = new LinkedHashSet<>();

    Breach() {
    }

    Breach(PartnerId breachedBy, boolean selfDisclosed) {
        this.breachedBy = breachedBy;
        // a self-disclosure is its own acknowledgement
        this.status = selfDisclosed ? Status.ACKNOWLEDGED : Status.OPEN;
    }

    // value equality: Axon's fixture compares the state built by command handlers with the state sourced from events
    @Override
    public boolean equals(Object o) {
        return o instanceof Breach other && Objects.equals(breachedBy, other.breachedBy) && Objects.equals(status, other.status) && Objects.equals(resolutionConfirmedBy, other.resolutionConfirmedBy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(breachedBy, status, resolutionConfirmedBy);
    }
}
