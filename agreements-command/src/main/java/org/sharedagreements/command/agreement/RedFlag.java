package org.sharedagreements.command.agreement;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.sharedagreements.kernel.RedFlagId;
import org.sharedagreements.kernel.redflag.RedFlagAddressed;
import org.sharedagreements.kernel.redflag.RedFlagStatus;

/** One raised red flag: only whether it is still open; the indicator and notes live in the events. */
class RedFlag extends MemberEntity {

    RedFlagId flagId;
    RedFlagStatus status;

    RedFlag() {
        // for Jackson snapshots
    }

    RedFlag(RedFlagId flagId) {
        this.flagId = flagId;
        this.status = RedFlagStatus.OPEN;
    }

    @EventSourcingHandler
    void on(RedFlagAddressed event) {
        status = RedFlagStatus.ADDRESSED;
    }
}
