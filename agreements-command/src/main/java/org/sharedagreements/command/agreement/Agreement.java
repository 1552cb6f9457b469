package org.sharedagreements.command.agreement;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.ForwardMatchingInstances;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.spring.stereotype.Aggregate;
import org.sharedagreements.kernel.AgreementCommand;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.BreachId;
import org.sharedagreements.kernel.CommandReceipt;
import org.sharedagreements.kernel.CounsellorId;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.RedFlagId;
import org.sharedagreements.kernel.boundary.AcceptBoundary;
import org.sharedagreements.kernel.boundary.BoundaryAccepted;
import org.sharedagreements.kernel.boundary.BoundaryActivated;
import org.sharedagreements.kernel.boundary.BoundaryDeclined;
import org.sharedagreements.kernel.boundary.BoundaryProposalWithdrawn;
import org.sharedagreements.kernel.boundary.BoundaryProposed;
import org.sharedagreements.kernel.boundary.BoundaryReaffirmed;
import org.sharedagreements.kernel.boundary.BoundaryReinstated;
import org.sharedagreements.kernel.boundary.BoundaryRetired;
import org.sharedagreements.kernel.boundary.BoundaryRetirementRequested;
import org.sharedagreements.kernel.boundary.BoundaryReviewDue;
import org.sharedagreements.kernel.boundary.BoundaryReviewed;
import org.sharedagreements.kernel.boundary.BoundaryRevised;
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
import org.sharedagreements.kernel.breach.BreachResolutionConfirmed;
import org.sharedagreements.kernel.breach.BreachResolved;
import org.sharedagreements.kernel.breach.ConfirmBreachResolution;
import org.sharedagreements.kernel.breach.ReportBreach;
import org.sharedagreements.kernel.counsellor.ApproveCounsellorAccess;
import org.sharedagreements.kernel.counsellor.CounsellorAccessApproved;
import org.sharedagreements.kernel.counsellor.CounsellorAccessGranted;
import org.sharedagreements.kernel.counsellor.CounsellorAccessRequested;
import org.sharedagreements.kernel.counsellor.CounsellorAccessRevoked;
import org.sharedagreements.kernel.counsellor.RequestCounsellorAccess;
import org.sharedagreements.kernel.counsellor.RevocationReason;
import org.sharedagreements.kernel.counsellor.RevokeCounsellorAccess;
import org.sharedagreements.kernel.membership.AgreementDrafted;
import org.sharedagreements.kernel.membership.AgreementEnded;
import org.sharedagreements.kernel.membership.DraftAgreement;
import org.sharedagreements.kernel.membership.EndReason;
import org.sharedagreements.kernel.membership.EraseAgreement;
import org.sharedagreements.kernel.membership.AgreementErased;
import org.sharedagreements.kernel.membership.InvitePartner;
import org.sharedagreements.kernel.membership.JoinAgreement;
import org.sharedagreements.kernel.membership.LeaveAgreement;
import org.sharedagreements.kernel.membership.PartnerInvited;
import org.sharedagreements.kernel.membership.PartnerJoined;
import org.sharedagreements.kernel.membership.PartnerLeft;
import org.sharedagreements.kernel.redflag.AddressRedFlag;
import org.sharedagreements.kernel.redflag.RaiseRedFlag;
import org.sharedagreements.kernel.redflag.RedFlagAddressed;
import org.sharedagreements.kernel.redflag.RedFlagRaised;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One relationship agreement: its partners, boundaries and their versions, breaches, red flags and counsellor
 * access. Command handlers check the rules of design.md and apply events; event sourcing handlers only change
 * state, each in the member entity the event concerns ({@link Boundary}, {@link Breach}, {@link CounsellorGrant},
 * routed by the event's id). The rules live here on the root because nearly every one needs the partner list. The state holds only what decisions need (ids, states, version numbers, who accepted): never a title,
 * a statement, a note or a category, so neither does any snapshot.
 * <p>
 * Time comes from {@link GenericEventMessage#clock}, the clock Axon stamps events with: the real clock in the
 * service, the simulated one in {@code AggregateTestFixture}, so reviews are tested with {@code whenTimeElapses}.
 */
@Aggregate(snapshotTriggerDefinition = "agreementSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Agreement {

    static final int MAX_PARTNERS = 8;
    static final int MIN_PARTNERS = 2;

    enum MemberStatus { INVITED, JOINED, LEFT }

    @AggregateIdentifier
    private AgreementId id;
    private Map<PartnerId, MemberStatus> members = new LinkedHashMap<>();
    private boolean ended;
    private boolean erased;
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private Map<BoundaryId, Boundary> boundaries = new LinkedHashMap<>();
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private Map<BreachId, Breach> breaches = new LinkedHashMap<>();
    private Map<RedFlagId, Boolean> redFlagsAddressed = new LinkedHashMap<>();
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private Map<CounsellorId, CounsellorGrant> counsellors = new LinkedHashMap<>();

    protected Agreement() {
        // for Axon: rebuilt from events or a snapshot
    }

    @CommandHandler
    public Agreement(DraftAgreement command) {
        apply(new AgreementDrafted(command.agreementId(), command.actor(), command.title()));
    }

    /**
     * Rules that hold for every command on an existing agreement: a stale {@code If-Match} is refused, only
     * partners (and, to join, invitees) may see the agreement at all, and an ended agreement changes no more.
     */
    @CommandHandlerInterceptor
    public Object guard(CommandMessage<?> message, InterceptorChain chain) throws Exception {
        if (message.getPayload() instanceof AgreementCommand command) {
            Long version = AggregateLifecycle.getVersion();
            if (command.expectedVersion() != null && !command.expectedVersion().equals(version)) {
                throw new ConflictingAggregateVersionException(id.toString(), command.expectedVersion(),
                        version == null ? -1 : version);
            }
            MemberStatus status = members.get(command.actor());
            List<String> roles = CallerRoles.of(message.getMetaData());
            if (roles.contains(CallerRoles.AUDITOR)) {
                throw new RoleMayNotAct(CallerRoles.AUDITOR);
            }
            if (roles.contains(CallerRoles.COUNSELLOR)) {
                throw mayRead(command.actor()) ? new RoleMayNotAct(CallerRoles.COUNSELLOR) : new AgreementNotVisible("agreement");
            }
            boolean mayJoin = command instanceof JoinAgreement && status == MemberStatus.INVITED;
            // a partner who left may still erase what they wrote together
            boolean mayErase = command instanceof EraseAgreement && status == MemberStatus.LEFT;
            if (status != MemberStatus.JOINED && !mayJoin && !mayErase) {
                throw new AgreementNotVisible("agreement");
            }
            if (erased) {
                throw RuleViolation.of(Rule.AGREEMENT_ERASED);
            }
            if (ended && !(command instanceof EraseAgreement)) {
                throw RuleViolation.of(Rule.AGREEMENT_ENDED);
            }
        }
        return chain.proceed();
    }

    // ---- membership ---------------------------------------------------------------------------------------

    @CommandHandler
    public CommandReceipt handle(InvitePartner command) {
        PartnerId invitee = command.partnerId();
        if (invitee.equals(command.actor())) {
            throw RuleViolation.of(Rule.CANNOT_INVITE_SELF);
        }
        if (membershipFixed()) {
            throw RuleViolation.of(Rule.MEMBERSHIP_FIXED);
        }
        if (members.containsKey(invitee)) {
            throw RuleViolation.of(Rule.ALREADY_INVITED);
        }
        CounsellorGrant asCounsellor = counsellors.get(CounsellorId.of(invitee.value()));
        if (asCounsellor != null && asCounsellor.open()) {
            throw RuleViolation.of(Rule.COUNSELLOR_IS_PARTNER);
        }
        if (members.size() >= MAX_PARTNERS) {
            throw RuleViolation.of(Rule.TOO_MANY_PARTNERS);
        }
        apply(new PartnerInvited(id, command.actor(), invitee));
        return receipt();
    }

    @CommandHandler
    public CommandReceipt handle(JoinAgreement command) {
        if (members.get(command.actor()) == MemberStatus.JOINED) {
            throw RuleViolation.of(Rule.ALREADY_JOINED);
        }
        if (membershipFixed()) {
            throw RuleViolation.of(Rule.MEMBERSHIP_FIXED);
        }
        apply(new PartnerJoined(id, command.actor()));
        // a newcomer never approved an existing counsellor's access: it has to be asked for again
        List<CounsellorId> open = counsellors.entrySet().stream().filter(e -> e.getValue().open())
                .map(Map.Entry::getKey).toList();
        for (CounsellorId counsellor : open) {
            apply(new CounsellorAccessRevoked(id, command.actor(), counsellor, RevocationReason.MEMBERSHIP_CHANGED));
        }
        return receipt();
    }

    @CommandHandler
    public CommandReceipt handle(LeaveAgreement command) {
        apply(new PartnerLeft(id, command.actor()));
        apply(new AgreementEnded(id, command.actor(), EndReason.PARTNER_LEFT));
        return receipt();
    }

    @CommandHandler
    public CommandReceipt handle(EraseAgreement command) {
        apply(new AgreementErased(id, command.actor()));
        return receipt();
    }

    // ---- boundaries ---------------------------------------------------------------------------------------

    @CommandHandler
    public CommandReceipt handle(ProposeBoundary command, DeadlineManager deadlines) {
        if (boundaries.containsKey(command.boundaryId())) {
            throw RuleViolation.of(Rule.BOUNDARY_ALREADY_EXISTS);
        }
        if (partners().size() < MIN_PARTNERS) {
            throw RuleViolation.of(Rule.NOT_ENOUGH_PARTNERS);
        }
        apply(new BoundaryProposed(id, command.actor(), command.boundaryId(), 1, command.terms()));
        activateIfEveryoneAccepted(command.boundaryId(), command.actor(), deadlines);
        return receipt(1);
    }

    @CommandHandler
    public CommandReceipt handle(AcceptBoundary command, DeadlineManager deadlines) {
        Boundary boundary = boundary(command.boundaryId());
        requirePending(boundary, command.boundaryVersion());
        if (boundary.pendingAcceptedBy.contains(command.actor())) {
            throw RuleViolation.of(Rule.ALREADY_ACCEPTED);
        }
        apply(new BoundaryAccepted(id, command.actor(), command.boundaryId(), command.boundaryVersion()));
        activateIfEveryoneAccepted(command.boundaryId(), command.actor(), deadlines);
        return receipt();
    }

    @CommandHandler
    public CommandReceipt handle(DeclineBoundary command) {
        Boundary boundary = boundary(command.boundaryId());
        requirePending(boundary, command.boundaryVersion());
        apply(new BoundaryDeclined(id, command.actor(), command.boundaryId(), command.boundaryVersion(),
                command.reason()));
        return receipt();
    }

    @CommandHandler
    public CommandReceipt handle(WithdrawBoundaryProposal command) {
        Boundary boundary = boundary(command.boundaryId());
        if (boundary.pendingVersion == null) {
            throw RuleViolation.of(Rule.NO_PENDING_VERSION);
        }
        if (!boundary.pendingProposedBy.equals(command.actor())) {
            throw RuleViolation.of(Rule.ONLY_PROPOSER_WITHDRAWS);
        }
        apply(new BoundaryProposalWithdrawn(id, command.actor(), command.boundaryId(), boundary.pendingVersion));
        return receipt();
    }

    @CommandHandler
    public CommandReceipt handle(ReviseBoundary command, DeadlineManager deadlines) {
        Boundary boundary = boundary(command.boundaryId());
        if (!boundary.inForce()) {
            throw RuleViolation.of(Rule.NOT_REVISABLE);
        }
        if (boundary.pendingVersion != null) {
            throw RuleViolation.of(Rule.REVISION_ALREADY_PENDING);
        }
        int version = boundary.lastVersionNumber + 1;
        apply(new BoundaryRevised(id, command.actor(), command.boundaryId(), version, command.terms()));
        activateIfEveryoneAccepted(command.boundaryId(), command.actor(), deadlines);
        return receipt(version);
    }

    @CommandHandler
    public CommandReceipt handle(WithdrawConsent command) {
        Boundary boundary = boundary(command.boundaryId());
        if (boundary.status == Boundary.Status.SUSPENDED) {
            throw RuleViolation.of(Rule.ALREADY_SUSPENDED);
        }
        if (boundary.status != Boundary.Status.ACTIVE) {
            throw RuleViolation.of(Rule.NOT_ACTIVE);
        }
        apply(new ConsentWithdrawn(id, command.actor(), command.boundaryId(), boundary.activeVersion, command.reason()));
        return receipt();
    }

    @CommandHandler
    public CommandReceipt handle(ReaffirmBoundary command, DeadlineManager deadlines) {
        Boundary boundary = boundary(command.boundaryId());
        boolean suspended = boundary.status == Boundary.Status.SUSPENDED;
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
                Instant next = boundary.activeReviewEvery.after(now());
                apply(new BoundaryReviewed(id, command.actor(), boundaryId, version, next));
                scheduleReview(deadlines, boundaryId, version, next);
            }
        }
        return receipt();
    }

    @CommandHandler
    public CommandReceipt handle(RetireBoundary command) {
        Boundary boundary = boundary(command.boundaryId());
        if (!boundary.inForce()) {
            throw RuleViolation.of(Rule.NOT_RETIRABLE);
        }
        if (boundary.retirementAskedBy.contains(command.actor())) {
            throw RuleViolation.of(Rule.ALREADY_ASKED_TO_RETIRE);
        }
        apply(new BoundaryRetirementRequested(id, command.actor(), command.boundaryId()));
        if (boundary.retirementAskedBy.containsAll(partners())) {
            apply(new BoundaryRetired(id, command.actor(), command.boundaryId()));
        }
        return receipt();
    }

    /** A review deadline marks the boundary due, unless it is stale (the boundary was reviewed, revised or retired since). */
    @DeadlineHandler(deadlineName = ReviewDeadline.NAME)
    public void reviewFallsDue(ReviewDeadline deadline) {
        Boundary boundary = boundaries.get(deadline.boundaryId());
        if (ended || boundary == null || !boundary.inForce() || boundary.reviewDue
                || !deadline.dueAt().equals(boundary.nextReviewAt)) {
            return;
        }
        apply(new BoundaryReviewDue(id, null, deadline.boundaryId(), boundary.activeVersion, deadline.dueAt()));
    }

    // ---- breaches -----------------------------------------------------------------------------------------

    @CommandHandler
    public CommandReceipt handle(ReportBreach command) {
        if (breaches.containsKey(command.breachId())) {
            throw RuleViolation.of(Rule.BREACH_ALREADY_EXISTS);
        }
        Boundary boundary = boundary(command.boundaryId());
        if (boundary.status != Boundary.Status.ACTIVE) {
            throw RuleViolation.of(Rule.NOT_ACTIVE);
        }
        if (members.get(command.breachedBy()) != MemberStatus.JOINED) {
            throw RuleViolation.of(Rule.BREACHED_BY_NOT_A_PARTNER);
        }
        if (command.occurredAt().isAfter(now())) {
            throw RuleViolation.of(Rule.OCCURRED_IN_FUTURE);
        }
        apply(new BoundaryBroken(id, command.actor(), command.breachId(), command.boundaryId(), boundary.activeVersion,
                command.breachedBy(), command.actor().equals(command.breachedBy()), command.description(),
                command.occurredAt()));
        return receipt();
    }

    @CommandHandler
    public CommandReceipt handle(AcknowledgeBreach command) {
        Breach breach = breach(command.breachId());
        if (!breach.breachedBy.equals(command.actor())) {
            throw RuleViolation.of(Rule.ONLY_BREACHING_PARTNER_ACKNOWLEDGES);
        }
        if (breach.status == Breach.Status.RESOLVED) {
            throw RuleViolation.of(Rule.BREACH_ALREADY_RESOLVED);
        }
        if (breach.status == Breach.Status.ACKNOWLEDGED) {
            throw RuleViolation.of(Rule.BREACH_ALREADY_ACKNOWLEDGED);
        }
        apply(new BreachAcknowledged(id, command.actor(), command.breachId()));
        return receipt();
    }

    @CommandHandler
    public CommandReceipt handle(ConfirmBreachResolution command) {
        Breach breach = breach(command.breachId());
        if (breach.status == Breach.Status.RESOLVED) {
            throw RuleViolation.of(Rule.BREACH_ALREADY_RESOLVED);
        }
        if (breach.status != Breach.Status.ACKNOWLEDGED) {
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

    // ---- red flags ----------------------------------------------------------------------------------------

    @CommandHandler
    public CommandReceipt handle(RaiseRedFlag command) {
        if (redFlagsAddressed.containsKey(command.flagId())) {
            throw RuleViolation.of(Rule.RED_FLAG_ALREADY_EXISTS);
        }
        apply(new RedFlagRaised(id, command.actor(), command.flagId(), command.indicator(), command.note()));
        return receipt();
    }

    @CommandHandler
    public CommandReceipt handle(AddressRedFlag command) {
        Boolean addressed = redFlagsAddressed.get(command.flagId());
        if (addressed == null) {
            throw new AgreementNotVisible("red flag");
        }
        if (addressed) {
            throw RuleViolation.of(Rule.RED_FLAG_ALREADY_ADDRESSED);
        }
        apply(new RedFlagAddressed(id, command.actor(), command.flagId(), command.note()));
        return receipt();
    }

    // ---- counsellor access --------------------------------------------------------------------------------

    @CommandHandler
    public CommandReceipt handle(RequestCounsellorAccess command) {
        CounsellorId counsellor = command.counsellorId();
        if (members.containsKey(PartnerId.of(counsellor.value()))) {
            throw RuleViolation.of(Rule.COUNSELLOR_IS_PARTNER);
        }
        if (partners().size() < MIN_PARTNERS) {
            throw RuleViolation.of(Rule.COUNSELLOR_ACCESS_NEEDS_PARTNERS);
        }
        CounsellorGrant grant = counsellors.get(counsellor);
        if (grant != null && grant.open()) {
            throw RuleViolation.of(Rule.COUNSELLOR_ACCESS_ALREADY_OPEN);
        }
        apply(new CounsellorAccessRequested(id, command.actor(), counsellor));
        grantIfEveryoneApproved(counsellor, command.actor());
        return receipt();
    }

    @CommandHandler
    public CommandReceipt handle(ApproveCounsellorAccess command) {
        CounsellorGrant grant = counsellor(command.counsellorId());
        if (grant.status != CounsellorGrant.Status.PENDING) {
            throw RuleViolation.of(Rule.COUNSELLOR_ACCESS_NOT_PENDING);
        }
        if (grant.approvedBy.contains(command.actor())) {
            throw RuleViolation.of(Rule.ALREADY_APPROVED);
        }
        apply(new CounsellorAccessApproved(id, command.actor(), command.counsellorId()));
        grantIfEveryoneApproved(command.counsellorId(), command.actor());
        return receipt();
    }

    @CommandHandler
    public CommandReceipt handle(RevokeCounsellorAccess command) {
        CounsellorGrant grant = counsellor(command.counsellorId());
        if (!grant.open()) {
            throw RuleViolation.of(Rule.COUNSELLOR_ACCESS_NOT_OPEN);
        }
        apply(new CounsellorAccessRevoked(id, command.actor(), command.counsellorId(),
                RevocationReason.REVOKED_BY_PARTNER));
        return receipt();
    }

    // ---- decisions shared by several commands -------------------------------------------------------------

    private void activateIfEveryoneAccepted(BoundaryId boundaryId, PartnerId actor, DeadlineManager deadlines) {
        Boundary boundary = boundaries.get(boundaryId);
        if (boundary.pendingVersion != null && boundary.pendingAcceptedBy.containsAll(partners())) {
            int version = boundary.pendingVersion;
            Instant nextReview = boundary.pendingReviewEvery.after(now());
            apply(new BoundaryActivated(id, actor, boundaryId, version, nextReview));
            scheduleReview(deadlines, boundaryId, version, nextReview);
        }
    }

    private void grantIfEveryoneApproved(CounsellorId counsellor, PartnerId actor) {
        if (counsellors.get(counsellor).approvedBy.containsAll(partners())) {
            apply(new CounsellorAccessGranted(id, actor, counsellor));
        }
    }

    private static void scheduleReview(DeadlineManager deadlines, BoundaryId boundaryId, int version, Instant at) {
        deadlines.schedule(at, ReviewDeadline.NAME, new ReviewDeadline(boundaryId, version, at));
    }

    private void requirePending(Boundary boundary, int boundaryVersion) {
        if (boundary.pendingVersion == null) {
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
            throw new AgreementNotVisible("counsellor");
        }
        return grant;
    }

    /** The partners who have joined (and not left): "every partner" in the rules. */
    private Set<PartnerId> partners() {
        return members.entrySet().stream().filter(e -> e.getValue() == MemberStatus.JOINED)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /** Partners (also those who left) and counsellors whose access is granted may read the agreement. */
    private boolean mayRead(PartnerId caller) {
        MemberStatus status = members.get(caller);
        if (status == MemberStatus.JOINED || status == MemberStatus.LEFT) {
            return true;
        }
        CounsellorGrant grant = counsellors.get(CounsellorId.of(caller.value()));
        return grant != null && grant.status == CounsellorGrant.Status.GRANTED;
    }

    /** Membership is fixed once the first boundary has been proposed. */
    private boolean membershipFixed() {
        return !boundaries.isEmpty();
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    private static CommandReceipt receipt() {
        return new CommandReceipt(AggregateLifecycle.getVersion(), null);
    }

    private static CommandReceipt receipt(int boundaryVersion) {
        return new CommandReceipt(AggregateLifecycle.getVersion(), boundaryVersion);
    }

    // ---- event sourcing handlers: state changes only ------------------------------------------------------

    @EventSourcingHandler
    void on(AgreementDrafted event) {
        id = event.agreementId();
        members.put(event.actor(), MemberStatus.JOINED);
    }

    @EventSourcingHandler
    void on(PartnerInvited event) {
        members.put(event.partnerId(), MemberStatus.INVITED);
    }

    @EventSourcingHandler
    void on(PartnerJoined event) {
        members.put(event.actor(), MemberStatus.JOINED);
    }

    @EventSourcingHandler
    void on(PartnerLeft event) {
        members.put(event.actor(), MemberStatus.LEFT);
    }

    @EventSourcingHandler
    void on(AgreementEnded event) {
        ended = true;
    }

    @EventSourcingHandler
    void on(AgreementErased event) {
        erased = true;
    }

    @EventSourcingHandler
    void on(BoundaryProposed event) {
        boundaries.put(event.boundaryId(), Boundary.proposed(event));
    }













    @EventSourcingHandler
    void on(BoundaryBroken event) {
        breaches.put(event.breachId(), new Breach(event.breachId(), event.breachedBy(), event.selfDisclosed()));
    }




    @EventSourcingHandler
    void on(RedFlagRaised event) {
        redFlagsAddressed.put(event.flagId(), false);
    }

    @EventSourcingHandler
    void on(RedFlagAddressed event) {
        redFlagsAddressed.put(event.flagId(), true);
    }

    @EventSourcingHandler
    void on(CounsellorAccessRequested event) {
        counsellors.put(event.counsellorId(), new CounsellorGrant(event.counsellorId(), event.actor()));
    }




}
