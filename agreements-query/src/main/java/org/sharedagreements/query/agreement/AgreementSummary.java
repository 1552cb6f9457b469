package org.sharedagreements.query.agreement;

import org.sharedagreements.kernel.access.AccessRole;

/** One line of {@code GET /api/agreements}: an agreement the caller belongs to or was granted, and as what. */
public record AgreementSummary(String agreementId, String title, String status, AccessRole role, long version,
                               String lastEventAt) {
}
