package org.sharedagreements.command.agreement;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.sharedagreements.kernel.RedFlagId;
import org.sharedagreements.kernel.redflag.RedFlagAddressed;

import java.util.Objects;

/** One raised red flag: only whether it is still open; the indicator and notes live in the events. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class RedFlag {

    enum Status { OPEN, ADDRESSED }

    RedFlagId flagId;
    Status status;

    RedFlag() {
        // for Jackson snapshots
    }

    RedFlag(RedFlagId flagId) {
        this.flagId = flagId;
        this.status = Status.OPEN;
    }

    /** Called by the root, which finds the flag by id (see {@code Agreement.redFlags}). */
    void on(RedFlagAddressed event) {
        status = Status.ADDRESSED;
    }

    // value equality: the fixture's illegal-state-change check compares command-built and event-sourced state
    @Override
    public boolean equals(Object o) {
        return o instanceof RedFlag other && Objects.equals(flagId, other.flagId) && status == other.status;
    }

    @Override
    public int hashCode() {
        return Objects.hash(flagId, status);
    }
}
