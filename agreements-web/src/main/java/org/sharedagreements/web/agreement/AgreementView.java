package org.sharedagreements.web.agreement;

import org.sharedagreements.kernel.BoundaryCategory;
import org.sharedagreements.kernel.RedFlagIndicator;
import org.sharedagreements.kernel.ReviewPeriod;
import org.sharedagreements.kernel.access.GrantStatus;
import org.sharedagreements.kernel.access.Membership;
import org.sharedagreements.kernel.boundary.BoundaryStatus;
import org.sharedagreements.kernel.breach.BreachStatus;
import org.sharedagreements.kernel.membership.AgreementStatus;
import org.sharedagreements.kernel.redflag.RedFlagStatus;
import org.sharedagreements.query.agreement.AgreementState;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/**
 * The agreement page's model: the state document as {@code GET /api/agreements/{a}} answers it, seen by one person,
 * with the words for each person in it (never their ids) and which actions the state offers this person. The offers
 * only decide which buttons to show: the write side decides whether a command may run, and its refusal is shown.
 * A counsellor's view offers nothing.
 */
public final class AgreementView {

    /** The page's words: a message of the page's bundle in the request's language. */
    @FunctionalInterface
    interface Words {
        String of(String key, Object... arguments);
    }

    private final AgreementState state;
    private final String me;
    private final boolean readOnly;
    private final Words words;

    AgreementView(AgreementState state, String me, boolean readOnly, Words words) {
        this.state = Objects.requireNonNull(state, "the agreement's state");
        this.me = Objects.requireNonNull(me, "who sees it");
        this.readOnly = readOnly;
        this.words = Objects.requireNonNull(words, "the page's words");
    }

    public AgreementState state() {
        return state;
    }

    public boolean readOnly() {
        return readOnly;
    }

    // ---- names -----------------------------------------------------------------------------------------------

    /** "You", "Your partner" (the one other partner), "Partner n" (several, or for a counsellor), "Invited". */
    public String who(String userId) {
        if (userId == null) {
            return words.of("web.agreement.who.nobody");
        }
        if (userId.equals(me) && !readOnly) {
            return words.of("web.agreement.who.you");
        }
        List<AgreementState.Partner> partners = state.partners;
        for (int i = 0; i < partners.size(); i++) {
            AgreementState.Partner partner = partners.get(i);
            if (partner.partnerId.equals(userId)) {
                if (partner.status == Membership.INVITED) {
                    return words.of("web.agreement.who.invited");
                }
                return !readOnly && othersEverJoined() == 1
                        ? words.of("web.agreement.who.partner") : words.of("web.agreement.who.partnerN", i + 1);
            }
        }
        return words.of("web.agreement.who.someone");
    }

    /** The names of several people, in the page's words, in order. */
    public String whoAll(List<String> userIds) {
        return String.join(", ", userIds.stream().map(this::who).toList());
    }

    /** "Counsellor n", by the order in which access was requested. */
    public String counsellor(AgreementState.Counsellor counsellor) {
        return words.of("web.agreement.who.counsellorN", state.counsellors.indexOf(counsellor) + 1);
    }

    private long othersEverJoined() {
        return state.partners.stream()
                .filter(p -> p.status != Membership.INVITED && !p.partnerId.equals(me)).count();
    }

    /** An instant of the document as a person reads it, in UTC ("2026-12-03 17:00 UTC"), or the text as it is. */
    public String when(String instant) {
        if (instant == null) {
            return "";
        }
        try {
            return WHEN.format(Instant.parse(instant));
        } catch (DateTimeParseException unreadable) {
            return instant;
        }
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** A category or indicator as the document holds it, in words ("[erased]" after erasure reads as erased). */
    public String category(String category) {
        return words.of(known(BoundaryCategory.class, category) ? "web.agreement.category." + category
                : "web.agreement.category.erased");
    }

    public String indicator(String indicator) {
        return words.of(known(RedFlagIndicator.class, indicator) ? "web.agreement.indicator." + indicator
                : "web.agreement.indicator.erased");
    }

    private static <E extends Enum<E>> boolean known(Class<E> type, String name) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * How many days a review period of the document is ("P30D": 30); a number of days typed into the form as it is;
     * 0 for anything else.
     */
    public int days(String reviewEvery) {
        try {
            String text = reviewEvery == null ? "" : reviewEvery.strip();
            return text.matches("\\d{1,3}") ? Integer.parseInt(text) : ReviewPeriod.parse(text).value().getDays();
        } catch (RuntimeException notAPeriod) {
            return 0;
        }
    }

    /** The boundary a breach is about, for its name on the page (null once it is not in the document). */
    public AgreementState.Boundary boundaryOf(AgreementState.Breach breach) {
        return state.boundary(breach.boundaryId);
    }

    // ---- what this person may do -----------------------------------------------------------------------------

    private Membership mine() {
        AgreementState.Partner partner = state.partner(me);
        return partner == null ? null : partner.status;
    }

    private boolean open() {
        return state.status == AgreementStatus.FORMING || state.status == AgreementStatus.ACTIVE;
    }

    /** Whether this person, a joined partner, may change the agreement at all. */
    public boolean acting() {
        return !readOnly && open() && mine() == Membership.JOINED;
    }

    /** Invitations are possible until the first boundary is proposed (then membership is fixed). */
    public boolean canInvite() {
        return acting() && state.boundaries.isEmpty();
    }

    public boolean canLeave() {
        return acting();
    }

    /** Joined partners, and partners who left, may erase an agreement that is not erased yet. */
    public boolean canErase() {
        Membership mine = mine();
        return !readOnly && state.status != AgreementStatus.ERASED
                && (mine == Membership.JOINED || mine == Membership.LEFT);
    }

    public boolean canPropose() {
        return acting() && state.status == AgreementStatus.ACTIVE;
    }

    public boolean canAccept(AgreementState.Boundary boundary) {
        return acting() && boundary.pending != null && !boundary.pending.acceptedBy.contains(me);
    }

    public boolean canDecline(AgreementState.Boundary boundary) {
        return acting() && boundary.pending != null && !me.equals(boundary.pending.proposedBy);
    }

    public boolean canWithdrawProposal(AgreementState.Boundary boundary) {
        return acting() && boundary.pending != null && me.equals(boundary.pending.proposedBy);
    }

    public boolean canRevise(AgreementState.Boundary boundary) {
        return acting() && inForce(boundary) && boundary.pending == null;
    }

    public boolean canWithdrawConsent(AgreementState.Boundary boundary) {
        return acting() && boundary.status == BoundaryStatus.ACTIVE;
    }

    public boolean canReaffirm(AgreementState.Boundary boundary) {
        return acting() && (boundary.status == BoundaryStatus.SUSPENDED || inForce(boundary) && boundary.reviewDue);
    }

    public boolean canRetire(AgreementState.Boundary boundary) {
        return acting() && inForce(boundary);
    }

    /** The boundaries a breach can be reported against: the active ones. */
    public List<AgreementState.Boundary> breakable() {
        return state.boundaries.stream().filter(b -> b.status == BoundaryStatus.ACTIVE).toList();
    }

    public boolean canReportBreach() {
        return acting() && !breakable().isEmpty();
    }

    /** Whether "my partner" names one person: the form then offers it. */
    public boolean onePartner() {
        return others().size() == 1;
    }

    /** The other partners who joined and have not left (user ids: the breach form's values, never its words). */
    public List<String> others() {
        return state.partners.stream().filter(p -> p.status == Membership.JOINED && !p.partnerId.equals(me))
                .map(p -> p.partnerId).toList();
    }

    /**
     * The breach's status as the write side decides on it: a self-disclosure counts as acknowledged (the read
     * model's document keeps it OPEN, with {@code selfDisclosed}).
     */
    public BreachStatus status(AgreementState.Breach breach) {
        return breach.status == BreachStatus.OPEN && breach.selfDisclosed ? BreachStatus.ACKNOWLEDGED : breach.status;
    }

    public boolean canAcknowledge(AgreementState.Breach breach) {
        return acting() && status(breach) == BreachStatus.OPEN && me.equals(breach.breachedBy);
    }

    public boolean canConfirmResolution(AgreementState.Breach breach) {
        return acting() && status(breach) == BreachStatus.ACKNOWLEDGED && !breach.resolutionConfirmedBy.contains(me);
    }

    public boolean canRaiseRedFlag() {
        return acting();
    }

    public boolean canAddress(AgreementState.RedFlag flag) {
        return acting() && flag.status == RedFlagStatus.OPEN;
    }

    public boolean canRequestCounsellor() {
        return acting() && state.status == AgreementStatus.ACTIVE;
    }

    public boolean canApprove(AgreementState.Counsellor counsellor) {
        return acting() && counsellor.status == GrantStatus.PENDING && !counsellor.approvedBy.contains(me);
    }

    public boolean canRevoke(AgreementState.Counsellor counsellor) {
        return acting() && counsellor.status != GrantStatus.REVOKED;
    }

    /** What the erasure form asks the person to type: the agreement's title. */
    public String erasureWord() {
        return state.title;
    }

    private static boolean inForce(AgreementState.Boundary boundary) {
        return boundary.status == BoundaryStatus.ACTIVE || boundary.status == BoundaryStatus.SUSPENDED;
    }
}
