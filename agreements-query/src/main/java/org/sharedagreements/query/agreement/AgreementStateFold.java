package org.sharedagreements.query.agreement;

import org.sharedagreements.kernel.AgreementEvent;
import org.sharedagreements.kernel.BoundaryCategory;
import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.BoundaryTerms;
import org.sharedagreements.kernel.boundary.BoundaryAccepted;
import org.sharedagreements.kernel.boundary.BoundaryActivated;
import org.sharedagreements.kernel.boundary.BoundaryDeclined;
import org.sharedagreements.kernel.boundary.BoundaryProposalWithdrawn;
import org.sharedagreements.kernel.boundary.BoundaryProposed;
import org.sharedagreements.kernel.boundary.BoundaryReinstated;
import org.sharedagreements.kernel.boundary.BoundaryRetired;
import org.sharedagreements.kernel.boundary.BoundaryReviewDue;
import org.sharedagreements.kernel.boundary.BoundaryReviewed;
import org.sharedagreements.kernel.boundary.BoundaryRevised;
import org.sharedagreements.kernel.boundary.ConsentWithdrawn;
import org.sharedagreements.kernel.breach.BoundaryBroken;
import org.sharedagreements.kernel.breach.BreachAcknowledged;
import org.sharedagreements.kernel.breach.BreachResolutionConfirmed;
import org.sharedagreements.kernel.breach.BreachResolved;
import org.sharedagreements.kernel.counsellor.CounsellorAccessApproved;
import org.sharedagreements.kernel.counsellor.CounsellorAccessGranted;
import org.sharedagreements.kernel.counsellor.CounsellorAccessRequested;
import org.sharedagreements.kernel.counsellor.CounsellorAccessRevoked;
import org.sharedagreements.kernel.membership.AgreementDrafted;
import org.sharedagreements.kernel.membership.AgreementEnded;
import org.sharedagreements.kernel.membership.AgreementErased;
import org.sharedagreements.kernel.membership.PartnerInvited;
import org.sharedagreements.kernel.membership.PartnerJoined;
import org.sharedagreements.kernel.membership.PartnerLeft;
import org.sharedagreements.kernel.redflag.RedFlagAddressed;
import org.sharedagreements.kernel.redflag.RedFlagRaised;
import org.sharedagreements.query.projection.Content;
import org.sharedagreements.query.projection.EventTime;

import java.time.Instant;
import java.util.Objects;

/**
 * Folds an agreement's events, in sequence order, into its {@link AgreementState}: the one definition of "the
 * state of an agreement" that both the state projection and the as-of query use, so a past state is folded from
 * exactly the events up to that instant, never approximated. No Spring, no I/O: it changes only the state it is
 * given. Events it does not know (reaffirmations, retirement requests, events of later revisions of the
 * language) only move the version on.
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
            s.status = "FORMING";
            s.title = "";
        }
        String actor = event.actor() == null ? null : event.actor().value();
        String when = EventTime.format(at);

        if (event instanceof AgreementDrafted e) {
            s.title = Content.text(e.title());
            setPartner(s, actor, "JOINED");
        } else if (event instanceof PartnerInvited e) {
            setPartner(s, e.partnerId().value(), "INVITED");
        } else if (event instanceof PartnerJoined) {
            setPartner(s, actor, "JOINED");
        } else if (event instanceof PartnerLeft) {
            setPartner(s, actor, "LEFT");
        } else if (event instanceof AgreementEnded) {
            s.status = "ENDED";
        } else if (event instanceof AgreementErased) {
            erase(s);
        } else if (event instanceof BoundaryProposed e) {
            AgreementState.Boundary boundary = new AgreementState.Boundary();
            boundary.boundaryId = e.boundaryId().toString();
            boundary.category = category(e.terms().category());
            boundary.status = "PROPOSED";
            boundary.pending = pending(e.boundaryVersion(), e.terms(), actor, when);
            s.boundaries.add(boundary);
        } else if (event instanceof BoundaryRevised e) {
            boundary(s, e.boundaryId().toString()).pending = pending(e.boundaryVersion(), e.terms(), actor, when);
        } else if (event instanceof BoundaryAccepted e) {
            AgreementState.Pending pending = boundary(s, e.boundaryId().toString()).pending;
            if (pending != null && pending.boundaryVersion == e.boundaryVersion() && !pending.acceptedBy.contains(actor)) {
                pending.acceptedBy.add(actor);
            }
        } else if (event instanceof BoundaryActivated e) {
            AgreementState.Boundary boundary = boundary(s, e.boundaryId().toString());
            if (boundary.pending != null && boundary.pending.boundaryVersion == e.boundaryVersion()) {
                boundary.terms = boundary.pending.terms;
                boundary.category = boundary.terms.category;
                boundary.pending = null;
            }
            boundary.status = "ACTIVE";
            boundary.activeVersion = e.boundaryVersion();
            boundary.nextReviewAt = EventTime.format(e.nextReviewAt());
            boundary.reviewDue = false;
        } else if (event instanceof BoundaryDeclined e) {
            closePending(boundary(s, e.boundaryId().toString()), "DECLINED");
        } else if (event instanceof BoundaryProposalWithdrawn e) {
            closePending(boundary(s, e.boundaryId().toString()), "WITHDRAWN");
        } else if (event instanceof ConsentWithdrawn e) {
            boundary(s, e.boundaryId().toString()).status = "SUSPENDED";
        } else if (event instanceof BoundaryReinstated e) {
            boundary(s, e.boundaryId().toString()).status = "ACTIVE";
        } else if (event instanceof BoundaryReviewDue e) {
            boundary(s, e.boundaryId().toString()).reviewDue = true;
        } else if (event instanceof BoundaryReviewed e) {
            AgreementState.Boundary boundary = boundary(s, e.boundaryId().toString());
            boundary.reviewDue = false;
            boundary.nextReviewAt = EventTime.format(e.nextReviewAt());
        } else if (event instanceof BoundaryRetired e) {
            AgreementState.Boundary boundary = boundary(s, e.boundaryId().toString());
            boundary.status = "RETIRED";
            boundary.pending = null;
            boundary.reviewDue = false;
            boundary.nextReviewAt = null;
        } else if (event instanceof BoundaryBroken e) {
            AgreementState.Breach breach = new AgreementState.Breach();
            breach.breachId = e.breachId().toString();
            breach.boundaryId = e.boundaryId().toString();
            breach.boundaryVersion = e.boundaryVersion();
            breach.breachedBy = e.breachedBy().value();
            breach.reportedBy = actor;
            breach.selfDisclosed = e.selfDisclosed();
            breach.status = "OPEN";
            breach.occurredAt = EventTime.format(e.occurredAt());
            breach.reportedAt = when;
            breach.description = Content.text(e.description());
            s.breaches.add(breach);
        } else if (event instanceof BreachAcknowledged e) {
            breach(s, e.breachId().toString()).status = "ACKNOWLEDGED";
        } else if (event instanceof BreachResolutionConfirmed e) {
            AgreementState.Breach breach = breach(s, e.breachId().toString());
            if (!breach.resolutionConfirmedBy.contains(actor)) {
                breach.resolutionConfirmedBy.add(actor);
            }
        } else if (event instanceof BreachResolved e) {
            breach(s, e.breachId().toString()).status = "RESOLVED";
        } else if (event instanceof RedFlagRaised e) {
            AgreementState.RedFlag flag = new AgreementState.RedFlag();
            flag.flagId = e.flagId().toString();
            flag.indicator = e.indicator().name();
            flag.raisedBy = actor;
            flag.status = "OPEN";
            flag.raisedAt = when;
            flag.note = e.note() == null ? "" : e.note();
            s.redFlags.add(flag);
        } else if (event instanceof RedFlagAddressed e) {
            AgreementState.RedFlag flag = redFlag(s, e.flagId().toString());
            flag.status = "ADDRESSED";
            flag.addressedBy = actor;
        } else if (event instanceof CounsellorAccessRequested e) {
            String counsellorId = e.counsellorId().value();
            AgreementState.Counsellor counsellor = s.counsellor(counsellorId);
            if (counsellor == null) {
                counsellor = new AgreementState.Counsellor();
                counsellor.counsellorId = counsellorId;
                s.counsellors.add(counsellor);
            }
            counsellor.status = "PENDING";
            counsellor.requestedBy = actor;
            counsellor.approvedBy.clear();
            counsellor.approvedBy.add(actor);
        } else if (event instanceof CounsellorAccessApproved e) {
            AgreementState.Counsellor counsellor = counsellor(s, e.counsellorId().value());
            if (!counsellor.approvedBy.contains(actor)) {
                counsellor.approvedBy.add(actor);
            }
        } else if (event instanceof CounsellorAccessGranted e) {
            counsellor(s, e.counsellorId().value()).status = "GRANTED";
        } else if (event instanceof CounsellorAccessRevoked e) {
            counsellor(s, e.counsellorId().value()).status = "REVOKED";
        }

        if ("FORMING".equals(s.status)) {
            long joined = s.partners.stream().filter(p -> "JOINED".equals(p.status)).count();
            if (joined >= 2) {
                s.status = "ACTIVE";
            }
        }
        s.version = sequence;
        s.lastEventAt = when;
        return s;
    }

    private static void setPartner(AgreementState s, String partnerId, String status) {
        AgreementState.Partner partner = s.partner(partnerId);
        if (partner == null) {
            s.partners.add(new AgreementState.Partner(partnerId, status));
        } else {
            partner.status = status;
        }
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
    private static void closePending(AgreementState.Boundary boundary, String statusIfProposal) {
        if ("PROPOSED".equals(boundary.status)) {
            boundary.status = statusIfProposal;
        }
        boundary.pending = null;
    }

    /**
     * Erasure: the agreement's content is gone for good. Every text and category in the document reads
     * {@value Confidential#ERASED}; ids, people, statuses, versions and times stay.
     */
    private static void erase(AgreementState s) {
        s.status = "ERASED";
        s.title = Confidential.ERASED;
        for (AgreementState.Boundary boundary : s.boundaries) {
            boundary.category = Confidential.ERASED;
            eraseTerms(boundary.terms);
            if (boundary.pending != null) {
                eraseTerms(boundary.pending.terms);
            }
        }
        s.breaches.forEach(b -> b.description = Confidential.ERASED);
        s.redFlags.forEach(f -> f.note = Confidential.ERASED);
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

    private static AgreementState.Boundary boundary(AgreementState s, String boundaryId) {
        return found(s.boundary(boundaryId), "boundary", boundaryId, s);
    }

    private static AgreementState.Breach breach(AgreementState s, String breachId) {
        return found(s.breach(breachId), "breach", breachId, s);
    }

    private static AgreementState.RedFlag redFlag(AgreementState s, String flagId) {
        return found(s.redFlag(flagId), "red flag", flagId, s);
    }

    private static AgreementState.Counsellor counsellor(AgreementState s, String counsellorId) {
        return found(s.counsellor(counsellorId), "counsellor", counsellorId, s);
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
