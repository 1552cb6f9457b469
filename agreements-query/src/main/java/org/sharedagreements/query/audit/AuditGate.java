package org.sharedagreements.query.audit;

import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.query.integrity.EventChainStore;
import org.sharedagreements.query.web.QueryProblems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The gate every auditor query passes. The caller must hold the auditor role; for anyone else the agreement
 * endpoints answer 404, as if they did not exist, since existence is itself sensitive, and the listing 403. An
 * agreement exists for auditors when the event store holds an event of it. {@code minVersion} waits (up to
 * {@code agreements.query.min-version-timeout}) until the event store holds that event, else 503 with
 * {@code Retry-After}; auditors read the event store, not a read model, so this is immediate for any version a
 * command answered with.
 */
@Component
class AuditGate {

    private static final int RETRY_AFTER_SECONDS = 1;
    private static final long POLL_MILLIS = 50;

    private final EventChainStore chain;
    private final Duration timeout;

    AuditGate(EventChainStore chain, @Value("${agreements.query.min-version-timeout:5s}") Duration timeout) {
        this.chain = chain;
        this.timeout = timeout;
    }

    /** For the endpoints about one agreement: 404 unless the caller is an auditor, before anything else is read. */
    void requireAuditor(Authentication authentication) {
        if (!Auditor.is(authentication)) {
            throw QueryProblems.notFound("agreement");
        }
    }

    /** For the listing, which names no agreement: 403 unless the caller is an auditor. */
    void requireAuditorForListing(Authentication authentication) {
        if (!Auditor.is(authentication)) {
            throw QueryProblems.forbidden("Only auditors may list every agreement.");
        }
    }

    /** The agreement's last sequence once it holds event {@code minVersion}; 404 when it has no event, else 503. */
    long require(AgreementId agreementId, Long minVersion) {
        long last = awaitLast(agreementId, minVersion);
        if (last < 0) {
            throw QueryProblems.notFound("agreement");
        }
        if (minVersion != null && last < minVersion) {
            throw QueryProblems.notYet(minVersion, RETRY_AFTER_SECONDS);
        }
        return last;
    }

    /** For the listing: waits for the named agreement's event; 503 only when the agreement exists. */
    void awaitForListing(AgreementId agreementId, Long minVersion) {
        long last = awaitLast(agreementId, minVersion);
        if (minVersion != null && last >= 0 && last < minVersion) {
            throw QueryProblems.notYet(minVersion, RETRY_AFTER_SECONDS);
        }
    }

    private long awaitLast(AgreementId agreementId, Long minVersion) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long last = chain.lastSequence(agreementId.toString());
        while (minVersion != null && last < minVersion && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            last = chain.lastSequence(agreementId.toString());
        }
        return last;
    }
}
