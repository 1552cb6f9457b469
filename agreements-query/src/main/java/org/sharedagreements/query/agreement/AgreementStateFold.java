package org.sharedagreements.query.agreement;

import org.sharedagreements.kernel.AgreementEvent;
import org.sharedagreements.kernel.BoundaryCategory;
import org.sharedagreements.kernel.BoundaryTerms;
import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.EventKind;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.CounsellorId;
import org.sharedagreements.kernel.access.GrantStatus;
import org.sharedagreements.kernel.access.Membership;
import org.sharedagreements.kernel.boundary.BoundaryAccepted;
import org.sharedagreements.kernel.boundary.BoundaryActivated;
import org.sharedagreements.kernel.boundary.BoundaryEvent;
import org.sharedagreements.kernel.boundary.BoundaryProposed;
import org.sharedagreements.kernel.boundary.BoundaryReviewed;
import org.sharedagreements.kernel.boundary.BoundaryRevised;
import org.sharedagreements.kernel.boundary.BoundaryStatus;
import org.sharedagreements.kernel.breach.BoundaryBroken;
import org.sharedagreements.kernel.breach.BreachEvent;
import org.sharedagreements.kernel.breach.BreachStatus;
import org.sharedagreements.kernel.counsellor.CounsellorAccessRequested;
import org.sharedagreements.kernel.counsellor.CounsellorEvent;
import org.sharedagreements.kernel.membership.AgreementDrafted;
import org.sharedagreements.kernel.membership.AgreementStatus;
import org.sharedagreements.kernel.membership.PartnerInvited;
import org.sharedagreements.kernel.membership.PartnerLimits;
import org.sharedagreements.kernel.redflag.RedFlagEvent;
import org.sharedagreements.kernel.redflag.RedFlagRaised;
import org.sharedagreements.kernel.redflag.RedFlagStatus;
import org.sharedagreements.query.projection.Content;
import org.sharedagreements.query.projection.EventTime;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Folds an agreement's events, in sequence order, into its {@link AgreementState}: the one definition of "the
 * state of an agreement" that both the state projection and the as-of query use, so a past state is folded from
 * exactly the events up to that instant, never approximated. No Spring, no I/O: it changes only the state it is
 * given. Every kind of event is named in one switch; some (reaffirmations, retirement requests) only move the
 * version on.
 */
public final class AgreementStateFold {

    private AgreementStateFold() {
    }

    /**
     * Applies one event to the state and answers the state after it.
     *
     * @param state    the state before the event, or {@code null} before the first event (then a new state is made)
     * @param event    the event
     * @param sequence its sequence number within the agreement: the version after it
     * @param at       when it was stored
     */
    public static AgreementState apply(AgreementState state, AgreementEvent event, long sequence, Instant at) {
        Objects.requireNonNull(event, "the fold needs an event");
        AgreementState s = state == null ? new AgreementState() : state;
        if (s.agreementId == null) {
            s.agreementId = event.agreementId().toString();
            s.status = AgreementStatus.FORMING;
            s.title = "";
        }
        String actor = event.actor() == null ? null : s.outlineOnly ? Confidential.ERASED : event.actor().value();
        String when = EventTime.format(at);

        // a switch expression: the compiler insists on every kind, so no event is forgotten silently
        Change change = switch (EventKind.of(event)) {
            case AGREEMENT_DRAFTED -> () -> {
                s.title = Content.text(((AgreementDrafted) event).title());
                setPartner(s, actor, Membership.JOINED);
            };
            case PARTNER_INVITED ->
                    () -> setPartner(s, person(s, ((PartnerInvited) event).partnerId()), Membership.INVITED);
            case PARTNER_JOINED -> () -> setPartner(s, actor, Membership.JOINED);
            case PARTNER_LEFT -> () -> setPartner(s, actor, Membership.LEFT);
            case AGREEMENT_ENDED -> () -> s.status = AgreementStatus.ENDED;
            case AGREEMENT_ERASED -> () -> erase(s);
            case BOUNDARY_PROPOSED -> () -> proposed(s, (BoundaryProposed) event, actor, when);
            case BOUNDARY_REVISED -> () -> {
                BoundaryRevised e = (BoundaryRevised) event;
                boundary(s, e).pending = pending(e.boundaryVersion(), e.terms(), actor, when);
            };
            case BOUNDARY_ACCEPTED -> () -> accepted(s, (BoundaryAccepted) event, actor);
            case BOUNDARY_ACTIVATED -> () -> activated(s, (BoundaryActivated) event);
            case BOUNDARY_DECLINED -> () -> closePending(boundary(s, (BoundaryEvent) event), BoundaryStatus.DECLINED);
            case BOUNDARY_PROPOSAL_WITHDRAWN ->
                    () -> closePending(boundary(s, (BoundaryEvent) event), BoundaryStatus.WITHDRAWN);
            case CONSENT_WITHDRAWN -> () -> boundary(s, (BoundaryEvent) event).status = BoundaryStatus.SUSPENDED;
            case BOUNDARY_REINSTATED -> () -> boundary(s, (BoundaryEvent) event).status = BoundaryStatus.ACTIVE;
            case BOUNDARY_REVIEW_DUE -> () -> boundary(s, (BoundaryEvent) event).reviewDue = true;
            case BOUNDARY_REVIEWED -> () -> {
                AgreementState.Boundary boundary = boundary(s, (BoundaryEvent) event);
                boundary.reviewDue = false;
                boundary.nextReviewAt = EventTime.format(((BoundaryReviewed) event).nextReviewAt());
            };
            case BOUNDARY_RETIRED -> () -> retired(boundary(s, (BoundaryEvent) event));
            // reaffirmations and retirement requests show in the timeline, not in the state
            case BOUNDARY_REAFFIRMED, BOUNDARY_RETIREMENT_REQUESTED -> () -> { };
            case BOUNDARY_BROKEN -> () -> broken(s, (BoundaryBroken) event, actor, when);
            case BREACH_ACKNOWLEDGED -> () -> breach(s, (BreachEvent) event).status = BreachStatus.ACKNOWLEDGED;
            case BREACH_RESOLUTION_CONFIRMED ->
                    () -> addOnce(breach(s, (BreachEvent) event).resolutionConfirmedBy, actor);
            case BREACH_RESOLVED -> () -> breach(s, (BreachEvent) event).status = BreachStatus.RESOLVED;
            case RED_FLAG_RAISED -> () -> raised(s, (RedFlagRaised) event, actor, when);
            case RED_FLAG_ADDRESSED -> () -> {
                AgreementState.RedFlag flag = redFlag(s, (RedFlagEvent) event);
                flag.status = RedFlagStatus.ADDRESSED;
                flag.addressedBy = actor;
            };
            case COUNSELLOR_ACCESS_REQUESTED -> () -> requested(s, (CounsellorAccessRequested) event, actor);
            case COUNSELLOR_ACCESS_APPROVED -> () -> addOnce(counsellor(s, (CounsellorEvent) event).approvedBy, actor);
            case COUNSELLOR_ACCESS_GRANTED -> () -> counsellor(s, (CounsellorEvent) event).status = GrantStatus.GRANTED;
            case COUNSELLOR_ACCESS_REVOKED -> () -> counsellor(s, (CounsellorEvent) event).status = GrantStatus.REVOKED;
        };
        change.apply();

        if (s.status == AgreementStatus.FORMING) {
            long joined = s.partners.stream().filter(p -> p.status == Membership.JOINED).count();
            if (joined >= PartnerLimits.MIN) {
                s.status = AgreementStatus.ACTIVE;
            }
        }
        s.version = sequence;
        s.lastEventAt = when;
        return s;
    }

    /** What one event does to the state. */
    @FunctionalInterface
    private interface Change {
        void apply();
    }

    private static void proposed(AgreementState s, BoundaryProposed e, String actor, String when) {
        AgreementState.Boundary boundary = new AgreementState.Boundary();
        boundary.boundaryId = e.boundaryId().toString();
        boundary.category = category(e.terms().category());
        boundary.status = BoundaryStatus.PROPOSED;
        boundary.pending = pending(e.boundaryVersion(), e.terms(), actor, when);
        s.boundaries.add(boundary);
    }

    private static void accepted(AgreementState s, BoundaryAccepted e, String actor) {
        AgreementState.Pending pending = boundary(s, e).pending;
        if (pending != null && pending.boundaryVersion == e.boundaryVersion()) {
            addOnce(pending.acceptedBy, actor);
        }
    }

    private static void activated(AgreementState s, BoundaryActivated e) {
        AgreementState.Boundary boundary = boundary(s, e);
        if (boundary.pending != null && boundary.pending.boundaryVersion == e.boundaryVersion()) {
            boundary.terms = boundary.pending.terms;
            boundary.category = boundary.terms.category;
            boundary.pending = null;
        }
        boundary.status = BoundaryStatus.ACTIVE;
        boundary.activeVersion = e.boundaryVersion();
        boundary.nextReviewAt = EventTime.format(e.nextReviewAt());
        boundary.reviewDue = false;
    }

    private static void retired(AgreementState.Boundary boundary) {
        boundary.status = BoundaryStatus.RETIRED;
        boundary.pending = null;
        boundary.reviewDue = false;
        boundary.nextReviewAt = null;
    }

    private static void broken(AgreementState s, BoundaryBroken e, String actor, String when) {
        AgreementState.Breach breach = new AgreementState.Breach();
        breach.breachId = e.breachId().toString();
        breach.boundaryId = e.boundaryId().toString();
        breach.boundaryVersion = e.boundaryVersion();
        breach.breachedBy = person(s, e.breachedBy());
        breach.reportedBy = actor;
        breach.selfDisclosed = e.selfDisclosed();
        breach.status = BreachStatus.OPEN;
        breach.occurredAt = EventTime.format(e.occurredAt());
        breach.reportedAt = when;
        breach.description = Content.text(e.description());
        s.breaches.add(breach);
    }

    private static void raised(AgreementState s, RedFlagRaised e, String actor, String when) {
        AgreementState.RedFlag flag = new AgreementState.RedFlag();
        flag.flagId = e.flagId().toString();
        flag.indicator = e.indicator() == null ? Confidential.ERASED : e.indicator().name();
        flag.raisedBy = actor;
        flag.status = RedFlagStatus.OPEN;
        flag.raisedAt = when;
        flag.note = e.note() == null ? "" : e.note().value();
        s.redFlags.add(flag);
    }

    /** A new request starts a new round: pending, with only the requester's approval. */
    private static void requested(AgreementState s, CounsellorAccessRequested e, String actor) {
        String counsellorId = counsellorOf(s, e);
        AgreementState.Counsellor counsellor = s.counsellor(counsellorId);
        if (counsellor == null) {
            counsellor = new AgreementState.Counsellor();
            counsellor.counsellorId = counsellorId;
            s.counsellors.add(counsellor);
        }
        counsellor.status = GrantStatus.PENDING;
        counsellor.requestedBy = actor;
        counsellor.approvedBy.clear();
        counsellor.approvedBy.add(actor);
    }

    /** An erased person cannot be told from another one: they are counted, not deduplicated. */
    private static void addOnce(List<String> people, String person) {
        if (Confidential.ERASED.equals(person) || !people.contains(person)) {
            people.add(person);
        }
    }

    private static void setPartner(AgreementState s, String partnerId, Membership status) {
        AgreementState.Partner partner = Confidential.ERASED.equals(partnerId)
                ? erasedPartner(s, status) : s.partner(partnerId);
        if (partner == null) {
            s.partners.add(new AgreementState.Partner(partnerId, status));
        } else {
            partner.status = status;
        }
    }

    /**
     * Which of the partners an erased id most likely is: one invited who joins, one joined who leaves; an
     * invitation is someone new.
     */
    private static AgreementState.Partner erasedPartner(AgreementState s, Membership status) {
        Membership before = switch (status) {
            case JOINED -> Membership.INVITED;
            case LEFT -> Membership.JOINED;
            case INVITED -> null;
        };
        return s.partners.stream().filter(p -> Confidential.ERASED.equals(p.partnerId) && p.status == before)
                .findFirst().orElse(null);
    }

    private static AgreementState.Pending pending(int version, BoundaryTerms terms, String proposer, String when) {
        AgreementState.Pending pending = new AgreementState.Pending();
        pending.boundaryVersion = version;
        pending.terms = terms(terms);
        pending.proposedBy = proposer;
        pending.acceptedBy.add(proposer);
        pending.proposedAt = when;
        return pending;
    }

    /** A declined or withdrawn proposal ends the boundary; a declined or withdrawn revision leaves it as it was. */
    private static void closePending(AgreementState.Boundary boundary, BoundaryStatus statusIfProposal) {
        if (boundary.status == BoundaryStatus.PROPOSED) {
            boundary.status = statusIfProposal;
        }
        boundary.pending = null;
    }

    /**
     * Erasure: the agreement's content is gone for good. Every text, category, indicator and user id in the
     * document reads {@value Confidential#ERASED}; ids, statuses, versions and times stay. The erased document
     * therefore holds nothing to seal.
     */
    static void erase(AgreementState s) {
        s.status = AgreementStatus.ERASED;
        s.title = Confidential.ERASED;
        for (AgreementState.Boundary boundary : s.boundaries) {
            boundary.category = Confidential.ERASED;
            eraseTerms(boundary.terms);
            if (boundary.pending != null) {
                eraseTerms(boundary.pending.terms);
            }
        }
        s.breaches.forEach(b -> {
            b.description = Confidential.ERASED;
            b.breachedBy = erasedPerson(b.breachedBy);
            b.reportedBy = erasedPerson(b.reportedBy);
            b.resolutionConfirmedBy.replaceAll(AgreementStateFold::erasedPerson);
        });
        s.redFlags.forEach(f -> {
            f.note = Confidential.ERASED;
            f.indicator = Confidential.ERASED;
            f.raisedBy = erasedPerson(f.raisedBy);
            f.addressedBy = erasedPerson(f.addressedBy);
        });
        s.partners.forEach(p -> p.partnerId = Confidential.ERASED);
        s.counsellors.forEach(c -> {
            c.counsellorId = Confidential.ERASED;
            c.requestedBy = erasedPerson(c.requestedBy);
            c.approvedBy.replaceAll(AgreementStateFold::erasedPerson);
        });
        for (AgreementState.Boundary boundary : s.boundaries) {
            if (boundary.pending != null) {
                boundary.pending.proposedBy = erasedPerson(boundary.pending.proposedBy);
                boundary.pending.acceptedBy.replaceAll(AgreementStateFold::erasedPerson);
            }
        }
    }

    /** Someone named in an erased document: "[erased]", and nobody stays nobody. */
    private static String erasedPerson(String userId) {
        return userId == null ? null : Confidential.ERASED;
    }

    /** A user id named in an event; it reads as erased in the events of an erased agreement (null or placeholder). */
    private static String person(AgreementState s, PartnerId id) {
        return id == null || s.outlineOnly ? Confidential.ERASED : id.value();
    }

    private static String counsellorOf(AgreementState s, CounsellorEvent event) {
        CounsellorId id = event.counsellorId();
        return id == null || s.outlineOnly ? Confidential.ERASED : id.value();
    }

    private static void eraseTerms(AgreementState.Terms terms) {
        if (terms != null) {
            terms.category = Confidential.ERASED;
            terms.statement = Confidential.ERASED;
            terms.measure = Confidential.ERASED;
            terms.consequence = Confidential.ERASED;
        }
    }

    /** A category reads {@code null} in events of an erased agreement. */
    static String category(BoundaryCategory category) {
        return category == null ? Confidential.ERASED : category.name();
    }

    static AgreementState.Terms terms(BoundaryTerms terms) {
        AgreementState.Terms t = new AgreementState.Terms();
        t.category = category(terms.category());
        t.statement = Content.text(terms.statement());
        t.measure = terms.measure();
        t.consequence = terms.consequence();
        t.reviewEvery = terms.reviewEvery().toString();
        return t;
    }

    private static AgreementState.Boundary boundary(AgreementState s, BoundaryEvent event) {
        String boundaryId = event.boundaryId().toString();
        return found(s.boundary(boundaryId), "boundary", boundaryId, s);
    }

    private static AgreementState.Breach breach(AgreementState s, BreachEvent event) {
        String breachId = event.breachId().toString();
        return found(s.breach(breachId), "breach", breachId, s);
    }

    private static AgreementState.RedFlag redFlag(AgreementState s, RedFlagEvent event) {
        String flagId = event.flagId().toString();
        return found(s.redFlag(flagId), "red flag", flagId, s);
    }

    private static AgreementState.Counsellor counsellor(AgreementState s, CounsellorEvent event) {
        String counsellorId = counsellorOf(s, event);
        AgreementState.Counsellor counsellor = s.counsellor(counsellorId);
        if (counsellor == null && Confidential.ERASED.equals(counsellorId)) {
            // an erased agreement's events no longer say which counsellor: what they did goes nowhere
            return new AgreementState.Counsellor();
        }
        // the message may reach a dead letter's cause: it names no one
        return found(counsellor, "counsellor", "(the one the event names)", s);
    }

    /** An event about something the agreement never had means the stream is not what the fold expects: fail loudly. */
    private static <T> T found(T value, String what, String id, AgreementState s) {
        if (value == null) {
            throw new IllegalStateException("agreement " + s.agreementId + " has no " + what + " " + id
                    + " at version " + s.version);
        }
        return value;
    }
}
