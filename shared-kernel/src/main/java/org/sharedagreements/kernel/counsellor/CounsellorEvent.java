package org.sharedagreements.kernel.counsellor;

import org.sharedagreements.kernel.AgreementEvent;
import org.sharedagreements.kernel.CounsellorId;

/**
 * An event of one counsellor's access of an agreement, naming it by id: the aggregate hands it to that entity alone.
 * Sealed: the events of this package that are about one counsellor's access, and no others.
 */
public sealed interface CounsellorEvent extends AgreementEvent permits
        CounsellorAccessApproved,
        CounsellorAccessGranted,
        CounsellorAccessRequested,
        CounsellorAccessRevoked {

    CounsellorId counsellorId();
}
