package org.sharedagreements.web.home;

import java.util.Objects;

/**
 * One thing that waits for the signed-in partner, with what its one-click action needs: the agreement, and the
 * boundary, version, breach or counsellor it is about (null where it is about none). {@code statement} is the
 * boundary's words as the partners wrote them, so the home page says which boundary it means.
 *
 * @param kind what waits, which decides the sentence and the buttons ({@code templates/app/home.html})
 */
public record Need(Kind kind, String agreementId, String agreementTitle, String boundaryId, Integer boundaryVersion,
                   String statement, String breachId, String counsellorId) {

    public enum Kind {
        /** An invitation to join an agreement: its content is not the invitee's to read until they join. */
        INVITATION,
        /** A new boundary the other partner proposed. */
        PROPOSAL,
        /** A change the other partner proposed to a boundary in force. */
        REVISION,
        /** A boundary whose review date has come. */
        REVIEW_DUE,
        /** A breach the other partner reported against this partner, to acknowledge. */
        BREACH_TO_ACKNOWLEDGE,
        /** An acknowledged breach this partner has not yet confirmed as resolved. */
        BREACH_TO_CONFIRM,
        /** A counsellor the other partner asked for, waiting for this partner's approval. */
        COUNSELLOR_TO_APPROVE
    }

    public Need {
        Objects.requireNonNull(kind, "a need has a kind");
        Objects.requireNonNull(agreementId, "a need belongs to an agreement");
    }
}
