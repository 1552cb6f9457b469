package org.sharedagreements.kernel;

/**
 * Every command on an agreement names the agreement, the partner who sends it (the caller's JWT {@code sub}),
 * and optionally the agreement version the caller last saw ({@code If-Match}); a stale version is refused.
 */
public interface AgreementCommand {

    AgreementId agreementId();

    PartnerId actor();

    /**
     * The version the caller expects the agreement to be at, or {@code null} for no expectation. The agreement
     * checks it itself, after deciding the caller may see it at all (not Axon's {@code @TargetAggregateVersion},
     * which would answer a stranger with a version conflict and so confirm that the agreement exists).
     */
    Long expectedVersion();
}
