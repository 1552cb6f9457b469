package org.sharedagreements.command.agreement;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.sharedagreements.command.CommandSide;
import org.sharedagreements.kernel.AgreementCommand;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.BreachId;
import org.sharedagreements.kernel.CommandReceipt;
import org.sharedagreements.kernel.CounsellorId;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.RedFlagId;
import org.sharedagreements.kernel.access.AccessPolicy;
import org.sharedagreements.kernel.access.Decision;
import org.sharedagreements.kernel.access.GrantStatus;
import org.sharedagreements.kernel.access.Membership;
import org.sharedagreements.kernel.access.Role;
import org.sharedagreements.kernel.access.Scope;
import org.sharedagreements.kernel.access.Standing;
import org.sharedagreements.kernel.boundary.AcceptBoundary;
import org.sharedagreements.kernel.boundary.BoundaryAccepted;
import org.sharedagreements.kernel.boundary.BoundaryActivated;
import org.sharedagreements.kernel.boundary.BoundaryDeclined;
import org.sharedagreements.kernel.boundary.BoundaryEvent;
import org.sharedagreements.kernel.boundary.BoundaryProposalWithdrawn;
import org.sharedagreements.kernel.boundary.BoundaryProposed;
import org.sharedagreements.kernel.boundary.BoundaryReaffirmed;
import org.sharedagreements.kernel.boundary.BoundaryReinstated;
import org.sharedagreements.kernel.boundary.BoundaryRetired;
import org.sharedagreements.kernel.boundary.BoundaryRetirementRequested;
import org.sharedagreements.kernel.boundary.BoundaryReviewDue;
import org.sharedagreements.kernel.boundary.BoundaryReviewed;
import org.sharedagreements.kernel.boundary.BoundaryRevised;
import org.sharedagreements.kernel.boundary.BoundaryStatus;
import org.sharedagreements.kernel.boundary.ConsentWithdrawn;
import org.sharedagreements.kernel.boundary.DeclineBoundary;
import org.sharedagreements.kernel.boundary.ProposeBoundary;
import org.sharedagreements.kernel.boundary.ReaffirmBoundary;
import org.sharedagreements.kernel.boundary.RetireBoundary;
import org.sharedagreements.kernel.boundary.ReviseBoundary;
import org.sharedagreements.kernel.boundary.WithdrawBoundaryProposal;
import org.sharedagreements.kernel.boundary.WithdrawConsent;
import org.sharedagreements.kernel.breach.AcknowledgeBreach;
import org.sharedagreements.kernel.breach.BoundaryBroken;
import org.sharedagreements.kernel.breach.BreachAcknowledged;
import org.sharedagreements.kernel.breach.BreachEvent;
import org.sharedagreements.kernel.breach.BreachResolutionConfirmed;
import org.sharedagreements.kernel.breach.BreachResolved;
import org.sharedagreements.kernel.breach.BreachStatus;
import org.sharedagreements.kernel.breach.ConfirmBreachResolution;
import org.sharedagreements.kernel.breach.ReportBreach;
import org.sharedagreements.kernel.counsellor.ApproveCounsellorAccess;
import org.sharedagreements.kernel.counsellor.CounsellorAccessApproved;
import org.sharedagreements.kernel.counsellor.CounsellorAccessGranted;
import org.sharedagreements.kernel.counsellor.CounsellorAccessRequested;
import org.sharedagreements.kernel.counsellor.CounsellorAccessRevoked;
import org.sharedagreements.kernel.counsellor.CounsellorEvent;
import org.sharedagreements.kernel.counsellor.RequestCounsellorAccess;
import org.sharedagreements.kernel.counsellor.RevocationReason;
import org.sharedagreements.kernel.counsellor.RevokeCounsellorAccess;
import org.sharedagreements.kernel.membership.AgreementDrafted;
import org.sharedagreements.kernel.membership.AgreementEnded;
import org.sharedagreements.kernel.membership.AgreementErased;
import org.sharedagreements.kernel.membership.DraftAgreement;
import org.sharedagreements.kernel.membership.EndReason;
import org.sharedagreements.kernel.membership.EraseAgreement;
import org.sharedagreements.kernel.membership.InvitePartner;
import org.sharedagreements.kernel.membership.JoinAgreement;
import org.sharedagreements.kernel.membership.LeaveAgreement;
import org.sharedagreements.kernel.membership.PartnerInvited;
import org.sharedagreements.kernel.membership.PartnerJoined;
import org.sharedagreements.kernel.membership.PartnerLeft;
import org.sharedagreements.kernel.membership.PartnerLimits;
import org.sharedagreements.kernel.redflag.AddressRedFlag;
import org.sharedagreements.kernel.redflag.RaiseRedFlag;
import org.sharedagreements.kernel.redflag.RedFlagAddressed;
import org.sharedagreements.kernel.redflag.RedFlagEvent;
import org.sharedagreements.kernel.redflag.RedFlagRaised;
import org.sharedagreements.kernel.redflag.RedFlagStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One relationship agreement: its partners, boundaries and their versions, breaches, red flags and counsellor
 * access. The rules live here on the root, because nearly every one needs the partner list; the member entities
 * ({@link Boundary}, {@link Breach}, {@link RedFlag}, {@link CounsellorGrant}) are kept in maps by id, and each
 * sources its own state from the events that name it, which the root hands to it alone ({@link EntityEvents}).
 * State holds only what decisions need (ids, states, version numbers, who accepted, review times), never a title,
 * statement, note or category, so neither does any snapshot.
 * <p>
 * "Now" comes in as a {@link Clock} handler parameter: the service's clock bean, which is also the clock Axon
 * stamps events with, and in tests a clock that reads the fixture's simulated time.
 */
@CommandSide
@Aggregate(snapshotTriggerDefinition = "agreementSnapshotTrigger", cache = "agreementCache",
        commandTargetResolver = AgreementTargets.BEAN)
@Revision("2") // the state's shape: snapshots of another revision are ignored and the aggregate is rebuilt from events
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Agreement {

    @AggregateIdentifier
    private AgreementId id;
    private Map<PartnerId, Membership> members = new LinkedHashMap<>();
    private boolean ended;
    private boolean erased;
    // the member entities, each handed the events that name it (see EntityEvents)
    private Map<BoundaryId, Boundary> boundaries = new LinkedHashMap<>();
    private Map<BreachId, Breach> breaches = new LinkedHashMap<>();
    private Map<RedFlagId, RedFlag> redFlags = new LinkedHashMap<>();
    private Map<CounsellorId, CounsellorGrant> counsellors = new LinkedHashMap<>();

    protected Agreement() {
        // for Axon: rebuilt from events or a snapshot
    }

    /** Counsellors, auditors and operators read what they may; they never start agreements (403). */
    @CommandHandler
    public Agreement(DraftAgreement command, @MetaDataValue(CallerRoles.KEY) String callerRoles) {
        Set<Role> roles = CallerRoles.parse(callerRoles);
        if (AccessPolicy.scope(Scope.DRAFT, roles) != Decision.ALLOW) {
            throw RoleMayNotAct.draft(roles);
        }
        apply(new AgreementDrafted(command.agreementId(), command.actor(), command.title()));
    }

    /**
     * What holds for every command on an existing agreement, in this order: the access policy decides whether the
     * caller may send it at all (403 for a role that may see but not change the agreement, 404 for anyone it is
     * hidden from; an erased agreement knows nobody, so it is hidden from everyone); an erased agreement, then an
     * ended one, changes no more (an ended one may still be erased); a
     * stale {@code If-Match} is refused. Access comes before the state checks so that a stranger learns nothing,
     * not even that the agreement ended.
     */
    @CommandHandlerInterceptor
    public Object guard(CommandMessage<?> message, InterceptorChain chain) throws Exception {
        if (message.getPayload() instanceof AgreementCommand command) {
            Set<Role> roles = CallerRoles.of(message.getMetaData());
            Decision decision = AccessPolicy.command(standingOf(command.actor()), roles, act(command));
            if (decision == Decision.FORBID) {
                throw RoleMayNotAct.change(roles);
            }
            if (decision == Decision.HIDE) {
                throw new AgreementNotVisible("agreement");
            }
            if (erased) {
                throw RuleViolation.of(Rule.AGREEMENT_ERASED);
            }
            if (ended && !(command instanceof EraseAgreement)) {
                throw RuleViolation.of(Rule.AGREEMENT_ENDED);
            }
            Long version = AggregateLifecycle.getVersion();
            if (command.expectedVersion() != null && !command.expectedVersion().equals(version)) {
                throw new ConflictingAggregateVersionException(id.toString(), command.expectedVersion(),
                        version == null ? -1 : version);
            }
        }
        return chain.proceed();
    }

    /** Where the caller stands with this agreement, as the access policy needs it. */
    private Standing standingOf(PartnerId caller) {
        CounsellorGrant grant = counsellors.get(CounsellorId.of(caller.value()));
        return new Standing(members.get(caller), grant == null ? null : grant.status, false);
    }

    private static AccessPolicy.Act act(AgreementCommand command) {
        if (command instanceof JoinAgreement) {
            return AccessPolicy.Act.JOIN;
        }
        return command instanceof EraseAgreement ? AccessPolicy.Act.ERASE : AccessPolicy.Act.CHANGE;
    }

    // ---- membership ----------------------------------------------------------------------------------------

    @CommandHandler
    public CommandReceipt handle(InvitePartner command) {
        PartnerId invitee = command.partnerId();
        if (membershipFixed()) {
            throw RuleViolation.of(Rule.MEMBERSHIP_FIXED);
        }
        if (invitee.equals(command.actor())) {
            throw RuleViolation.of(Rule.CANNOT_INVITE_SELF);
        }
        if (members.containsKey(invitee)) {
            throw RuleViolation.of(Rule.ALREADY_INVITED);
        }
        CounsellorGrant asCounsellor = counsellors.get(CounsellorId.of(invitee.value()));
        if (asCounsellor != null && asCounsellor.isOpen()) {
            throw RuleViolation.of(Rule.COUNSELLOR_IS_PARTNER);
        }
        if (joinedOrInvited() + 1 > PartnerLimits.MAX) {
            throw RuleViolation.of(Rule.TOO_MANY_PARTNERS);
        }
        apply(new PartnerInvited(id, command.actor(), invitee));
        return receipt();
    }

    @CommandHandler
    public CommandReceipt handle(JoinAgreement command) {
        if (members.get(command.actor()) == Membership.JOINED) {
            throw RuleViolation.of(Rule.ALREADY_JOINED);
        }
        if (membershipFixed()) {
            throw RuleViolation.of(Rule.MEMBERSHIP_FIXED);
        }
        apply(new PartnerJoined(id, command.actor()));
        // the newcomer never approved any counsellor's access: it has to be requested and approved again
        List<CounsellorId> open = counsellors.values().stream().filter(CounsellorGrant::isOpen)
                .map(grant -> grant.counsellorId).toList();
        for (CounsellorId counsellor : open) {
            apply(new CounsellorAccessRevoked(id, command.actor(), counsellor, RevocationReason.MEMBERSHIP_CHANGED));
        }
        return receipt();
    }

    @CommandHandler
    public CommandReceipt handle(LeaveAgreement command, DeadlineManager deadlines) {
        boundaries.values().forEach(boundary -> cancelReview(deadlines, boundary));
        apply(new PartnerLeft(id, command.actor()));
        apply(new AgreementEnded(id, command.actor(), EndReason.PARTNER_LEFT));
        return receipt();
    }

    @CommandHandler
    public CommandReceipt handle(EraseAgreement command, DeadlineManager deadlines) {
        boundaries.values().forEach(boundary -> cancelReview(deadlines, boundary));
        apply(new AgreementErased(id, command.actor()));
        return receipt();
    }

    // ---- proposals and revisions ---------------------------------------------------------------------------

    @CommandHandler
    public CommandReceipt handle(ProposeBoundary command, DeadlineManager deadlines, Clock clock) {
        if (partners().size() < PartnerLimits.MIN) {
            throw RuleViolation.of(Rule.NOT_ENOUGH_PARTNERS);
        }
        if (boundaries.containsKey(command.boundaryId())) {
            throw RuleViolation.of(Rule.BOUNDARY_ALREADY_EXISTS);
        }
        int version = 1;
        apply(new BoundaryProposed(id, command.actor(), command.boundaryId(), version, command.terms()));
        activateIfEveryPartnerAccepted(boundaries.get(command.boundaryId()), command.actor(), deadlines, clock);
        return receipt(version);
    }

    @CommandHandler
    public CommandReceipt handle(ReviseBoundary command, DeadlineManager deadlines, Clock clock) {
        Boundary boundary = boundary(command.boundaryId());
        if (!boundary.inForce()) {
            throw RuleViolation.of(Rule.NOT_REVISABLE);
        }
        if (boundary.hasPendingVersion()) {
            throw RuleViolation.of(Rule.REVISION_ALREADY_PENDING);
        }
        int version = boundary.lastVersionNumber + 1;
        apply(new BoundaryRevised(id, command.actor(), command.boundaryId(), version, command.terms()));
        activateIfEveryPartnerAccepted(boundary, command.actor(), deadlines, clock);
        return receipt(version);
    }

    @CommandHandler
    public CommandReceipt handle(AcceptBoundary command, DeadlineManager deadlines, Clock clock) {
        Boundary boundary = boundary(command.boundaryId());
        requirePendingVersion(boundary, command.boundaryVersion());
        if (boundary.pendingAcceptedBy.contains(command.actor())) {
            throw RuleViolation.of(Rule.ALREADY_ACCEPTED);
        }
        apply(new BoundaryAccepted(id, command.actor(), command.boundaryId(), command.boundaryVersion()));
        activateIfEveryPartnerAccepted(boundary, command.actor(), deadlines, clock);
        return receipt();
    }

    @CommandHandler
    public CommandReceipt handle(DeclineBoundary command) {
        Boundary boundary = boundary(command.boundaryId());
        requirePendingVersion(boundary, command.boundaryVersion());
        apply(new BoundaryDeclined(id, command.actor(), command.boundaryId(), command.boundaryVersion(),
                command.reason()));
        return receipt();
    }

    @CommandHandler
    public CommandReceipt handle(WithdrawBoundaryProposal command) {
        Boundary boundary = boundary(command.boundaryId());
        if (!boundary.hasPendingVersion()) {
            throw RuleViolation.of(Rule.NO_PENDING_VERSION);
        }
        if (!boundary.pendingProposedBy.equals(command.actor())) {
            throw RuleViolation.of(Rule.ONLY_PROPOSER_WITHDRAWS);
        }
        apply(new BoundaryProposalWithdrawn(id, command.actor(), command.boundaryId(), boundary.pendingVersion));
        return receipt();
    }

    // ---- consent, reviews and retirement -------------------------------------------------------------------

    @CommandHandler
    public CommandReceipt handle(WithdrawConsent command) {
        Boundary boundary = boundary(command.boundaryId());
        if (boundary.status == BoundaryStatus.SUSPENDED) {
            throw RuleViolation.of(Rule.ALREADY_SUSPENDED);
        }
        if (boundary.status != BoundaryStatus.ACTIVE) {
            throw RuleViolation.of(Rule.NOT_ACTIVE);
        }
        apply(new ConsentWithdrawn(id, command.actor(), command.boundaryId(), boundary.activeVersion,
                command.reason()));
        return receipt();
    }

    @CommandHandler
    public CommandReceipt handle(ReaffirmBoundary command, DeadlineManager deadlines, Clock clock) {
        Boundary boundary = boundary(command.boundaryId());
        boolean suspended = boundary.status == BoundaryStatus.SUSPENDED;
        boolean reviewDue = boundary.inForce() && boundary.reviewDue;
        if (!suspended && !reviewDue) {
            throw RuleViolation.of(Rule.NOTHING_TO_REAFFIRM);
        }
        if (boundary.reaffirmedBy.contains(command.actor())) {
            throw RuleViolation.of(Rule.ALREADY_REAFFIRMED);
        }
        BoundaryId boundaryId = command.boundaryId();
        int version = boundary.activeVersion;
        apply(new BoundaryReaffirmed(id, command.actor(), boundaryId, version));
        if (boundary.reaffirmedBy.containsAll(partners())) {
            if (suspended) {
                apply(new BoundaryReinstated(id, command.actor(), boundaryId, version));
            }
            if (reviewDue) {
                Instant nextReview = boundary.activeReviewEvery.after(clock.instant());
                apply(new BoundaryReviewed(id, command.actor(), boundaryId, version, nextReview),
                        scheduleReview(deadlines, boundary, version, nextReview));
            }
        }
        return receipt();
    }

    /** A review deadline marks the boundary due, unless it is stale (reviewed, revised or retired since). */
    @DeadlineHandler(deadlineName = ReviewDeadline.NAME)
    public void reviewFallsDue(ReviewDeadline deadline) {
        Boundary boundary = boundaries.get(deadline.boundaryId());
        if (ended || erased || boundary == null || !boundary.isCurrent(deadline)) {
            return;
        }
        apply(new BoundaryReviewDue(id, null, deadline.boundaryId(), deadline.boundaryVersion(), deadline.dueAt()));
    }

    @CommandHandler
    public CommandReceipt handle(RetireBoundary command, DeadlineManager deadlines) {
        Boundary boundary = boundary(command.boundaryId());
        if (!boundary.inForce()) {
            throw RuleViolation.of(Rule.NOT_RETIRABLE);
        }
        if (boundary.retirementAskedBy.contains(command.actor())) {
            throw RuleViolation.of(Rule.ALREADY_ASKED_TO_RETIRE);
        }
        apply(new BoundaryRetirementRequested(id, command.actor(), command.boundaryId()));
        if (boundary.retirementAskedBy.containsAll(partners())) {
            cancelReview(deadlines, boundary);
            apply(new BoundaryRetired(id, command.actor(), command.boundaryId()));
        }
        return receipt();
    }

    // ---- breaches ------------------------------------------------------------------------------------------

    @CommandHandler
    public CommandReceipt handle(ReportBreach command, Clock clock) {
        Boundary boundary = boundary(command.boundaryId());
        if (boundary.status != BoundaryStatus.ACTIVE) {
            throw RuleViolation.of(Rule.NOT_ACTIVE);
        }
        if (members.get(command.breachedBy()) != Membership.JOINED) {
            throw RuleViolation.of(Rule.BREACHED_BY_NOT_A_PARTNER);
        }
        if (command.occurredAt().isAfter(clock.instant())) {
            throw RuleViolation.of(Rule.OCCURRED_IN_FUTURE);
        }
        if (breaches.containsKey(command.breachId())) {
            throw RuleViolation.of(Rule.BREACH_ALREADY_EXISTS);
        }
        boolean selfDisclosed = command.actor().equals(command.breachedBy());
        apply(new BoundaryBroken(id, command.actor(), command.breachId(), command.boundaryId(), boundary.activeVersion,
                command.breachedBy(), selfDisclosed, command.description(), command.occurredAt()));
        return receipt();
    }

    @CommandHandler
    public CommandReceipt handle(AcknowledgeBreach command) {
        Breach breach = breach(command.breachId());
        if (!breach.breachedBy.equals(command.actor())) {
            throw RuleViolation.of(Rule.ONLY_BREACHING_PARTNER_ACKNOWLEDGES);
        }
        if (breach.status == BreachStatus.RESOLVED) {
            throw RuleViolation.of(Rule.BREACH_ALREADY_RESOLVED);
        }
        if (breach.status == BreachStatus.ACKNOWLEDGED) {
            throw RuleViolation.of(Rule.BREACH_ALREADY_ACKNOWLEDGED);
        }
        apply(new BreachAcknowledged(id, command.actor(), command.breachId()));
        return receipt();
    }

    @CommandHandler
    public CommandReceipt handle(ConfirmBreachResolution command) {
        Breach breach = breach(command.breachId());
        if (breach.status == BreachStatus.RESOLVED) {
            throw RuleViolation.of(Rule.BREACH_ALREADY_RESOLVED);
        }
        if (breach.status != BreachStatus.ACKNOWLEDGED) {
            throw RuleViolation.of(Rule.BREACH_NOT_ACKNOWLEDGED);
        }
        if (breach.resolutionConfirmedBy.contains(command.actor())) {
            throw RuleViolation.of(Rule.ALREADY_CONFIRMED_RESOLUTION);
        }
        apply(new BreachResolutionConfirmed(id, command.actor(), command.breachId(), command.note()));
        if (breach.resolutionConfirmedBy.containsAll(partners())) {
            apply(new BreachResolved(id, command.actor(), command.breachId()));
        }
        return receipt();
    }

    // ---- red flags -----------------------------------------------------------------------------------------

    @CommandHandler
    public CommandReceipt handle(RaiseRedFlag command) {
        if (redFlags.containsKey(command.flagId())) {
            throw RuleViolation.of(Rule.RED_FLAG_ALREADY_EXISTS);
        }
        apply(new RedFlagRaised(id, command.actor(), command.flagId(), command.indicator(), command.note()));
        return receipt();
    }

    @CommandHandler
    public CommandReceipt handle(AddressRedFlag command) {
        RedFlag flag = redFlags.get(command.flagId());
        if (flag == null) {
            throw new AgreementNotVisible("red flag");
        }
        if (flag.status != RedFlagStatus.OPEN) {
            throw RuleViolation.of(Rule.RED_FLAG_ALREADY_ADDRESSED);
        }
        apply(new RedFlagAddressed(id, command.actor(), command.flagId(), command.note()));
        return receipt();
    }

    // ---- counsellor access ---------------------------------------------------------------------------------

    @CommandHandler
    public CommandReceipt handle(RequestCounsellorAccess command) {
        CounsellorId counsellor = command.counsellorId();
        if (partners().size() < PartnerLimits.MIN) {
            throw RuleViolation.of(Rule.COUNSELLOR_ACCESS_NEEDS_PARTNERS);
        }
        if (members.containsKey(PartnerId.of(counsellor.value()))) {
            throw RuleViolation.of(Rule.COUNSELLOR_IS_PARTNER);
        }
        CounsellorGrant current = counsellors.get(counsellor);
        if (current != null && current.isOpen()) {
            throw RuleViolation.of(Rule.COUNSELLOR_ACCESS_ALREADY_OPEN);
        }
        apply(new CounsellorAccessRequested(id, command.actor(), counsellor));
        grantIfEveryPartnerApproved(counsellors.get(counsellor), command.actor());
        return receipt();
    }

    @CommandHandler
    public CommandReceipt handle(ApproveCounsellorAccess command) {
        CounsellorGrant grant = counsellor(command.counsellorId());
        if (grant.status != GrantStatus.PENDING) {
            throw RuleViolation.of(Rule.COUNSELLOR_ACCESS_NOT_PENDING);
        }
        if (grant.approvedBy.contains(command.actor())) {
            throw RuleViolation.of(Rule.ALREADY_APPROVED);
        }
        apply(new CounsellorAccessApproved(id, command.actor(), command.counsellorId()));
        grantIfEveryPartnerApproved(grant, command.actor());
        return receipt();
    }

    @CommandHandler
    public CommandReceipt handle(RevokeCounsellorAccess command) {
        CounsellorGrant grant = counsellor(command.counsellorId());
        if (!grant.isOpen()) {
            throw RuleViolation.of(Rule.COUNSELLOR_ACCESS_NOT_OPEN);
        }
        apply(new CounsellorAccessRevoked(id, command.actor(), command.counsellorId(),
                RevocationReason.REVOKED_BY_PARTNER));
        return receipt();
    }

    // ---- decisions shared by several commands --------------------------------------------------------------

    /** Activates the pending version once every partner accepted it, and schedules its first review. */
    private void activateIfEveryPartnerAccepted(Boundary boundary, PartnerId actor, DeadlineManager deadlines,
                                                Clock clock) {
        if (boundary.hasPendingVersion() && boundary.pendingAcceptedBy.containsAll(partners())) {
            int version = boundary.pendingVersion;
            Instant nextReview = boundary.pendingReviewEvery.after(clock.instant());
            apply(new BoundaryActivated(id, actor, boundary.boundaryId, version, nextReview),
                    scheduleReview(deadlines, boundary, version, nextReview));
        }
    }

    private void grantIfEveryPartnerApproved(CounsellorGrant grant, PartnerId actor) {
        if (grant.approvedBy.containsAll(partners())) {
            apply(new CounsellorAccessGranted(id, actor, grant.counsellorId));
        }
    }

    /**
     * Schedules the boundary's next review in place of the one scheduled before, and returns the metadata that
     * records the new deadline's id in the event, so that the boundary (also when rebuilt from events or a
     * snapshot) can cancel exactly that deadline later. Cancelling by id is a single delete in db-scheduler,
     * where {@code cancelAllWithinScope} would scan every scheduled deadline of the service.
     */
    private static MetaData scheduleReview(DeadlineManager deadlines, Boundary boundary, int version, Instant at) {
        cancelReview(deadlines, boundary);
        String deadlineId = deadlines.schedule(at, ReviewDeadline.NAME,
                new ReviewDeadline(boundary.boundaryId, version, at));
        return MetaData.with(ReviewDeadline.DEADLINE_ID, deadlineId);
    }

    private static void cancelReview(DeadlineManager deadlines, Boundary boundary) {
        if (boundary.reviewDeadlineId != null) {
            deadlines.cancelSchedule(ReviewDeadline.NAME, boundary.reviewDeadlineId);
        }
    }

    private static void requirePendingVersion(Boundary boundary, int boundaryVersion) {
        if (!boundary.hasPendingVersion()) {
            throw RuleViolation.of(Rule.NO_PENDING_VERSION);
        }
        if (boundary.pendingVersion != boundaryVersion) {
            throw RuleViolation.of(Rule.NOT_THE_PENDING_VERSION);
        }
    }

    private Boundary boundary(BoundaryId boundaryId) {
        Boundary boundary = boundaries.get(boundaryId);
        if (boundary == null) {
            throw new AgreementNotVisible("boundary");
        }
        return boundary;
    }

    private Breach breach(BreachId breachId) {
        Breach breach = breaches.get(breachId);
        if (breach == null) {
            throw new AgreementNotVisible("breach");
        }
        return breach;
    }

    private CounsellorGrant counsellor(CounsellorId counsellorId) {
        CounsellorGrant grant = counsellors.get(counsellorId);
        if (grant == null) {
            throw new AgreementNotVisible("counsellor grant");
        }
        return grant;
    }

    /** The partners who joined and have not left: "every partner" in the rules. */
    private Set<PartnerId> partners() {
        return members.entrySet().stream().filter(member -> member.getValue() == Membership.JOINED)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private long joinedOrInvited() {
        return members.values().stream().filter(membership -> membership != Membership.LEFT).count();
    }

    /** Membership is fixed once a first boundary was ever proposed (declined or withdrawn ones count). */
    private boolean membershipFixed() {
        return !boundaries.isEmpty();
    }

    /** The agreement's version after this command: the sequence number of the event applied last. */
    private static CommandReceipt receipt() {
        return new CommandReceipt(AggregateLifecycle.getVersion(), null);
    }

    private static CommandReceipt receipt(int boundaryVersion) {
        return new CommandReceipt(AggregateLifecycle.getVersion(), boundaryVersion);
    }

    // ---- event sourcing handlers: state changes only; each entity is handed the events that name it -------

    private static final EntityEvents<Boundary> BOUNDARY_EVENTS = EntityEvents.of(Boundary.class);
    private static final EntityEvents<Breach> BREACH_EVENTS = EntityEvents.of(Breach.class);
    private static final EntityEvents<RedFlag> RED_FLAG_EVENTS = EntityEvents.of(RedFlag.class);
    private static final EntityEvents<CounsellorGrant> COUNSELLOR_EVENTS = EntityEvents.of(CounsellorGrant.class);

    @EventSourcingHandler
    void on(AgreementDrafted event) {
        id = event.agreementId();
        members.put(event.actor(), Membership.JOINED);
    }

    @EventSourcingHandler
    void on(PartnerInvited event) {
        members.put(event.partnerId(), Membership.INVITED);
    }

    @EventSourcingHandler
    void on(PartnerJoined event) {
        members.put(event.actor(), Membership.JOINED);
    }

    @EventSourcingHandler
    void on(PartnerLeft event) {
        members.put(event.actor(), Membership.LEFT);
    }

    @EventSourcingHandler
    void on(AgreementEnded event) {
        ended = true;
    }

    /**
     * Erasure forgets who the people of the agreement were: once its data key is destroyed, the user ids in its
     * events no longer open, so an aggregate loaded from them could not know its partners anyway. Forgetting them
     * here as well makes the answer the same whether the agreement was loaded before or after the erasure: every
     * command on an erased agreement is answered as a stranger's is (404), its partners' included.
     */
    @EventSourcingHandler
    void on(AgreementErased event) {
        erased = true;
        members.clear();
        counsellors.clear();
    }

    @EventSourcingHandler
    void on(BoundaryProposed event) {
        boundaries.put(event.boundaryId(), new Boundary(event));
    }

    @EventSourcingHandler
    void on(BoundaryBroken event) {
        breaches.put(event.breachId(), new Breach(event));
    }

    @EventSourcingHandler
    void on(RedFlagRaised event) {
        redFlags.put(event.flagId(), new RedFlag(event.flagId()));
    }

    @EventSourcingHandler
    void on(CounsellorAccessRequested event) {
        counsellors.put(event.counsellorId(), new CounsellorGrant(event));
    }

    // the handlers above, for the events that add an entity, are more specific and win over these

    @EventSourcingHandler
    void on(BoundaryEvent event, EventMessage<?> message) {
        BOUNDARY_EVENTS.apply(boundaries.get(event.boundaryId()), message);
    }

    @EventSourcingHandler
    void on(BreachEvent event, EventMessage<?> message) {
        BREACH_EVENTS.apply(breaches.get(event.breachId()), message);
    }

    @EventSourcingHandler
    void on(RedFlagEvent event, EventMessage<?> message) {
        RED_FLAG_EVENTS.apply(redFlags.get(event.flagId()), message);
    }

    @EventSourcingHandler
    void on(CounsellorEvent event, EventMessage<?> message) {
        COUNSELLOR_EVENTS.apply(counsellors.get(event.counsellorId()), message);
    }
}
