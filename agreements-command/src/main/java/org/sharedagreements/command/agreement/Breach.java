package org.sharedagreements.command.agreement;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.sharedagreements.kernel.BreachId;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.breach.BoundaryBroken;
import org.sharedagreements.kernel.breach.BreachAcknowledged;
import org.sharedagreements.kernel.breach.BreachResolutionConfirmed;
import org.sharedagreements.kernel.breach.BreachResolved;
import org.sharedagreements.kernel.breach.BreachStatus;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the agreement needs to decide about one breach: who broke the boundary, its state, who confirmed the
 * resolution. The description and notes live in the events only.
 */
class Breach extends MemberEntity {

    BreachId breachId;
    PartnerId breachedBy;
    BreachStatus status;
    Set<PartnerId> resolutionConfirmedBy = new LinkedHashSet<>();

    Breach() {
        // for Jackson snapshots
    }

    Breach(BoundaryBroken event) {
        this.breachId = event.breachId();
        this.breachedBy = event.breachedBy();
        // a self-disclosure is its own acknowledgement: no separate event
        this.status = event.selfDisclosed() ? BreachStatus.ACKNOWLEDGED : BreachStatus.OPEN;
    }

    @EventSourcingHandler
    void on(BreachAcknowledged event) {
        status = BreachStatus.ACKNOWLEDGED;
    }

    @EventSourcingHandler
    void on(BreachResolutionConfirmed event) {
        resolutionConfirmedBy.add(event.actor());
    }

    @EventSourcingHandler
    void on(BreachResolved event) {
        status = BreachStatus.RESOLVED;
    }
}
