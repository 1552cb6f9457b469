package org.sharedagreements.kernel.redflag;

import org.sharedagreements.kernel.AgreementEvent;
import org.sharedagreements.kernel.RedFlagId;

/**
 * An event of one red flag of an agreement, naming it by id: the aggregate hands it to that entity alone.
 * Sealed: the events of this package that are about one red flag, and no others.
 */
public sealed interface RedFlagEvent extends AgreementEvent permits
        RedFlagAddressed,
        RedFlagRaised {

    RedFlagId flagId();
}
