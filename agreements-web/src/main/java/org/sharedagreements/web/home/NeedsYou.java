package org.sharedagreements.web.home;

import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.access.GrantStatus;
import org.sharedagreements.kernel.access.Membership;
import org.sharedagreements.kernel.boundary.BoundaryStatus;
import org.sharedagreements.kernel.breach.BreachStatus;
import org.sharedagreements.kernel.membership.AgreementStatus;
import org.sharedagreements.query.agreement.AgreementState;

import java.util.ArrayList;
import java.util.List;

/**
 * What waits for one partner across their agreements, read from the states the gate let them see (the same
 * documents {@code GET /api/agreements/{a}} answers): the home page's first section. The write side decides
 * whether an action is allowed; this only lists what a partner would otherwise have to look for, in the order a
 * person would want them: invitations, then proposals and revisions, breaches, counsellor requests, reviews.
 */
final class NeedsYou {

    private NeedsYou() {
    }

    static List<Need> of(String userId, List<AgreementState> states, List<AgreementId> invitations) {
        List<Need> needs = new ArrayList<>();
        for (AgreementId invitation : invitations) {
            needs.add(new Need(Need.Kind.INVITATION, invitation.toString(), null, null, null, null, null, null));
        }
        List<Need> reviews = new ArrayList<>();
        for (AgreementState state : states) {
            if (state.status != AgreementStatus.ACTIVE || !joined(state, userId)) {
                continue;
            }
            for (AgreementState.Boundary boundary : state.boundaries) {
                AgreementState.Pending pending = boundary.pending;
                if (pending != null && !userId.equals(pending.proposedBy) && !pending.acceptedBy.contains(userId)) {
                    Need.Kind kind = boundary.status == BoundaryStatus.PROPOSED ? Need.Kind.PROPOSAL
                            : Need.Kind.REVISION;
                    needs.add(about(kind, state, boundary, pending.boundaryVersion,
                            pending.terms == null ? null : pending.terms.statement));
                }
                if (boundary.reviewDue && boundary.status == BoundaryStatus.ACTIVE) {
                    reviews.add(about(Need.Kind.REVIEW_DUE, state, boundary, boundary.activeVersion,
                            boundary.terms == null ? null : boundary.terms.statement));
                }
            }
            for (AgreementState.Breach breach : state.breaches) {
                Need.Kind kind = null;
                // a self-disclosed breach counts as acknowledged (api.md), though its status stays OPEN
                boolean acknowledged = breach.status == BreachStatus.ACKNOWLEDGED
                        || breach.status == BreachStatus.OPEN && breach.selfDisclosed;
                if (!acknowledged && breach.status == BreachStatus.OPEN && userId.equals(breach.breachedBy)) {
                    kind = Need.Kind.BREACH_TO_ACKNOWLEDGE;
                } else if (acknowledged && !breach.resolutionConfirmedBy.contains(userId)) {
                    kind = Need.Kind.BREACH_TO_CONFIRM;
                }
                if (kind != null) {
                    AgreementState.Boundary boundary = state.boundary(breach.boundaryId);
                    needs.add(new Need(kind, state.agreementId, state.title, breach.boundaryId, breach.boundaryVersion,
                            statementOf(boundary), breach.breachId, null));
                }
            }
            for (AgreementState.Counsellor counsellor : state.counsellors) {
                if (counsellor.status == GrantStatus.PENDING && !counsellor.approvedBy.contains(userId)) {
                    needs.add(new Need(Need.Kind.COUNSELLOR_TO_APPROVE, state.agreementId, state.title, null, null,
                            null, null, counsellor.counsellorId));
                }
            }
        }
        needs.addAll(reviews);
        return needs;
    }

    private static boolean joined(AgreementState state, String userId) {
        AgreementState.Partner partner = state.partner(userId);
        return partner != null && partner.status == Membership.JOINED;
    }

    private static Need about(Need.Kind kind, AgreementState state, AgreementState.Boundary boundary,
                              Integer version, String statement) {
        return new Need(kind, state.agreementId, state.title, boundary.boundaryId, version, statement, null, null);
    }

    private static String statementOf(AgreementState.Boundary boundary) {
        return boundary == null || boundary.terms == null ? null : boundary.terms.statement;
    }
}
