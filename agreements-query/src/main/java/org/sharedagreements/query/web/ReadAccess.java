package org.sharedagreements.query.web;

import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.query.access.AccessRole;
import org.sharedagreements.query.access.AgreementAccess;
import org.sharedagreements.query.access.Caller;
import org.sharedagreements.query.projection.Projections;
import org.sharedagreements.query.projection.ReadModelProgress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The gate every query about one agreement passes: the caller must see the agreement (else 404, whether or not
 * it exists), and with {@code minVersion} the read models the query uses must have applied that event of the
 * agreement, waited for up to {@code agreements.query.min-version-timeout} (5 s), else 503 with
 * {@code Retry-After}. Visibility is decided after the wait, so a caller who just joined sees the agreement.
 */
@Component
public class ReadAccess {

    private static final int RETRY_AFTER_SECONDS = 1;

    private final AgreementAccess access;
    private final ReadModelProgress progress;
    private final Duration timeout;

    public ReadAccess(AgreementAccess access, ReadModelProgress progress,
                      @Value("${agreements.query.min-version-timeout:5s}") Duration timeout) {
        this.access = access;
        this.progress = progress;
        this.timeout = timeout;
    }

    /**
     * How the caller sees the agreement, once the named read models (and always the agreement state, which decides
     * visibility) applied its event {@code minVersion}; throws the 404 or 503 problem otherwise.
     */
    public AccessRole require(AgreementId agreementId, Caller caller, Long minVersion, String... readModels) {
        boolean caughtUp = minVersion == null || await(agreementId, minVersion, readModels);
        Optional<AccessRole> role = access.roleOf(agreementId, caller);
        if (role.isEmpty()) {
            throw QueryProblems.notFound("agreement");
        }
        if (!caughtUp) {
            throw QueryProblems.notYet(minVersion, RETRY_AFTER_SECONDS);
        }
        return role.get();
    }

    /**
     * For listings (no agreement in the path): waits for the agreement named by the client, and answers 503 only
     * when the caller may see that agreement, so a listing reveals nothing about agreements of others.
     */
    public void awaitForListing(AgreementId agreementId, Caller caller, Long minVersion) {
        if (minVersion == null) {
            return;
        }
        if (!await(agreementId, minVersion) && access.roleOf(agreementId, caller).isPresent()) {
            throw QueryProblems.notYet(minVersion, RETRY_AFTER_SECONDS);
        }
    }

    private boolean await(AgreementId agreementId, long minVersion, String... readModels) {
        Set<String> projections = new LinkedHashSet<>();
        projections.add(Projections.AGREEMENT_STATE);
        projections.addAll(List.of(readModels));
        return progress.await(agreementId, minVersion, projections, timeout);
    }
}
