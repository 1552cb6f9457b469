package org.sharedagreements.query.access;

import org.axonframework.common.Registration;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.access.AccessPolicy;
import org.sharedagreements.kernel.access.AccessRole;
import org.sharedagreements.kernel.access.Decision;
import org.sharedagreements.kernel.access.Membership;
import org.sharedagreements.kernel.access.Scope;
import org.sharedagreements.kernel.access.Standing;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.projection.Projections;
import org.sharedagreements.query.timeline.TimelineSignals;
import org.sharedagreements.query.web.QueryProblems;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The one gate of the read side: every query endpoint learns whether, and as what, its caller may see an
 * agreement here and nowhere else, from {@link AccessPolicy} applied to the read model's access rows. The read
 * models answer questions about one agreement only for a {@link VisibleAgreement}, which only this gate makes.
 * <p>
 * For a caller who may not see an agreement, every answer is the one for an agreement that does not exist, at the
 * same time: 404, at once without {@code minVersion}; with it, after the whole wait, because a caller who cannot
 * see the agreement once the read models caught up keeps waiting exactly as one asking for a random id does
 * (who might, after all, just be joining it). A caller who may see it gets its answer as soon as the read models
 * the query uses applied event {@code minVersion}, or 503 with {@code Retry-After} when the wait ran out.
 */
@QuerySide
@Component
@EnableConfigurationProperties(GateSettings.class)
public class AgreementGate implements DisposableBean {

    private final AgreementAccess access;
    private final Waits waits;
    private final Registration signals;

    public AgreementGate(AgreementAccess access, TimelineSignals signals, GateSettings settings) {
        this.access = Objects.requireNonNull(access, "the gate reads agreement access");
        this.waits = new Waits(settings);
        this.signals = signals.subscribe(appended -> waits.advanced(appended.agreementId()), waits::advancedAll);
    }

    /**
     * The agreement as the caller may see it through the given endpoints, once the read models the query uses
     * (and always the agreement state, which decides visibility) applied its event {@code minVersion}; fails with
     * the 404, 503 or 429 problem otherwise.
     */
    public CompletableFuture<VisibleAgreement> open(AgreementId agreementId, Caller caller, Audience audience,
                                                    Long minVersion, String... readModels) {
        if (minVersion == null) {
            return visible(agreementId, caller, audience, access.lookup(agreementId, caller.userId()))
                    .map(CompletableFuture::completedFuture)
                    .orElseGet(() -> CompletableFuture.failedFuture(QueryProblems.notFound("agreement")));
        }
        Set<String> projections = projections(readModels);
        return waits.await(agreementId, caller.userId(), new Waits.Condition<>() {
            @Override
            public Optional<VisibleAgreement> early() {
                AgreementAccess.Lookup lookup = access.lookup(agreementId, caller.userId());
                return visible(agreementId, caller, audience, lookup)
                        .filter(visible -> caughtUp(lookup, minVersion, projections));
            }

            @Override
            public VisibleAgreement atTimeout() {
                AgreementAccess.Lookup lookup = access.lookup(agreementId, caller.userId());
                VisibleAgreement visible = visible(agreementId, caller, audience, lookup)
                        .orElseThrow(() -> QueryProblems.notFound("agreement"));
                if (!caughtUp(lookup, minVersion, projections)) {
                    throw QueryProblems.notYet(minVersion);
                }
                return visible;
            }
        });
    }

    /**
     * For listings (no agreement in the path, {@code agreementId} and {@code minVersion} in the query): completes
     * once the named agreement's state applied event {@code minVersion}, if the caller may see it; fails with 503
     * when it did not in time. For an agreement the caller may not see it completes after the whole wait, so the
     * listing says nothing about agreements of others.
     */
    public CompletableFuture<Void> awaitForListing(AgreementId agreementId, Caller caller, Audience audience,
                                                   Long minVersion) {
        if (agreementId == null || minVersion == null) {
            return CompletableFuture.completedFuture(null);
        }
        Set<String> projections = projections();
        return waits.await(agreementId, caller.userId(), new Waits.Condition<Boolean>() {
            @Override
            public Optional<Boolean> early() {
                AgreementAccess.Lookup lookup = access.lookup(agreementId, caller.userId());
                boolean ready = visible(agreementId, caller, audience, lookup).isPresent()
                        && caughtUp(lookup, minVersion, projections);
                return ready ? Optional.of(true) : Optional.empty();
            }

            @Override
            public Boolean atTimeout() {
                AgreementAccess.Lookup lookup = access.lookup(agreementId, caller.userId());
                boolean visible = visible(agreementId, caller, audience, lookup).isPresent();
                if (visible && !caughtUp(lookup, minVersion, projections)) {
                    throw QueryProblems.notYet(minVersion);
                }
                return visible;
            }
        }).thenApply(ignored -> null);
    }

    /** Whether the caller may still see the agreement as before (a live stream asks on every round). */
    public boolean stillVisible(VisibleAgreement visible) {
        return visible(visible.agreementId(), visible.caller(), visible.audience(),
                access.lookup(visible.agreementId(), visible.caller().userId()))
                .filter(now -> now.role() == visible.role()).isPresent();
    }

    /** The agreements the caller belongs to as a partner or, as a counsellor, was granted. */
    public List<VisibleAgreement> agreementsOf(Caller caller) {
        List<VisibleAgreement> visible = new ArrayList<>();
        access.standingsOf(caller.userId()).forEach((agreementId, standing) ->
                AccessPolicy.reader(standing, caller.roles()).ifPresent(role ->
                        visible.add(new VisibleAgreement(agreementId, caller, role, Audience.PARTNERS))));
        return visible;
    }

    /**
     * The agreements the caller is invited to and has not joined. An invitee may join but not read (api.md), so
     * this answers ids only: the web app's "join" button, never the agreement's content.
     */
    public List<AgreementId> invitationsOf(Caller caller) {
        List<AgreementId> invited = new ArrayList<>();
        access.standingsOf(caller.userId()).forEach((agreementId, standing) -> {
            if (standing.membership() == Membership.INVITED && !standing.parked()) {
                invited.add(agreementId);
            }
        });
        return invited;
    }

    /** The agreements granted to the caller as a counsellor (403 without the counsellor role). */
    public List<VisibleAgreement> caseloadOf(Caller caller) {
        require(caller, Scope.CASELOAD);
        List<VisibleAgreement> granted = new ArrayList<>();
        access.standingsOf(caller.userId()).forEach((agreementId, standing) -> {
            Standing asCounsellor = new Standing(null, standing.grant(), standing.parked());
            AccessPolicy.reader(asCounsellor, caller.roles()).ifPresent(role ->
                    granted.add(new VisibleAgreement(agreementId, caller, role, Audience.PARTNERS)));
        });
        return granted;
    }

    /** Which of the agreements an auditor may not see now: those parked on a dead letter. */
    public Set<String> hiddenFromAuditors(Collection<String> agreementIds) {
        return access.parked(agreementIds);
    }

    /**
     * For the audit endpoints about one agreement, before anything else is read: they do not exist (404) for a
     * caller whose roles can never see through them.
     */
    public void enterAudit(Caller caller) {
        if (!AccessPolicy.audits(caller.roles())) {
            throw QueryProblems.notFound("agreement");
        }
    }

    /** 403 unless the caller's roles allow what a request naming no agreement does. */
    public void require(Caller caller, Scope scope) {
        if (AccessPolicy.scope(scope, caller.roles()) != Decision.ALLOW) {
            throw QueryProblems.forbidden(switch (scope) {
                case CASELOAD -> "Only counsellors have a caseload.";
                case AUDIT_LIST -> "Only auditors may list every agreement.";
                case OPERATIONS -> "Only operators may see and rebuild projections.";
                case DRAFT -> "Your role may not start an agreement.";
                case OWN_AGREEMENTS -> "You may not list agreements.";
            });
        }
    }

    @Override
    public void destroy() {
        signals.cancel();
        waits.close();
    }

    /** How many waits this node holds (diagnostics and tests). */
    public int openWaits() {
        return waits.open();
    }

    private static Optional<VisibleAgreement> visible(AgreementId agreementId, Caller caller, Audience audience,
                                                      AgreementAccess.Lookup lookup) {
        Optional<AccessRole> role = switch (audience) {
            case PARTNERS -> AccessPolicy.reader(lookup.standing(), caller.roles());
            case AUDITORS -> AccessPolicy.auditor(lookup.exists(), lookup.standing().parked(), caller.roles())
                    ? Optional.of(AccessRole.AUDITOR) : Optional.empty();
        };
        return role.map(r -> new VisibleAgreement(agreementId, caller, r, audience));
    }

    private static boolean caughtUp(AgreementAccess.Lookup lookup, long minVersion, Set<String> projections) {
        return projections.stream().allMatch(projection -> lookup.applied(projection, minVersion));
    }

    private static Set<String> projections(String... readModels) {
        Set<String> projections = new LinkedHashSet<>();
        projections.add(Projections.AGREEMENT_STATE);
        projections.addAll(List.of(readModels));
        return projections;
    }
}
