package org.sharedagreements.kernel.breach;

import org.sharedagreements.kernel.AgreementEvent;
import org.sharedagreements.kernel.BreachId;

/**
 * An event of one breach of an agreement, naming it by id: the aggregate hands it to that entity alone.
 * Sealed: the events of this package that are about one breach, and no others.
 */
public sealed interface BreachEvent extends AgreementEvent permits
        BoundaryBroken,
        BreachAcknowledged,
        BreachResolutionConfirmed,
        BreachResolved {

    BreachId breachId();
}
