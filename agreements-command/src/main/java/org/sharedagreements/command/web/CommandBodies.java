package org.sharedagreements.command.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.sharedagreements.kernel.BoundaryCategory;
import org.sharedagreements.kernel.RedFlagIndicator;

import java.time.Instant;
import java.util.UUID;

/**
 * The shapes of the command bodies and answers, for the OpenAPI description only: the controllers read bodies
 * field by field ({@link JsonFields}) so that every invalid field is reported at once.
 */
final class CommandBodies {

    private CommandBodies() {
    }

    @Schema(name = "DraftAgreement")
    record Draft(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 200) String title) {
    }

    @Schema(name = "Invitation")
    record Invitation(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 128,
            description = "the invitee's user id (JWT sub)") String partnerId) {
    }

    @Schema(name = "BoundaryTerms")
    record Terms(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) BoundaryCategory category,
                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 2000) String statement,
                 @Schema(maxLength = 2000, description = "how both can tell it is kept") String measure,
                 @Schema(maxLength = 2000, description = "the agreed, proportional response") String consequence,
                 @Schema(example = "P30D", defaultValue = "P30D", description = "ISO-8601 period, P1D to P366D")
                 String reviewEvery) {
    }

    @Schema(name = "Acceptance")
    record Acceptance(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1") int boundaryVersion) {
    }

    @Schema(name = "Decline")
    record Decline(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1") int boundaryVersion,
                   @Schema(maxLength = 2000) String reason) {
    }

    @Schema(name = "Reason")
    record Reason(@Schema(maxLength = 2000) String reason) {
    }

    @Schema(name = "Note")
    record Note(@Schema(maxLength = 2000) String note) {
    }

    @Schema(name = "BreachReport")
    record Breach(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID boundaryId,
                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 128) String breachedBy,
                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 4000) String description,
                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant occurredAt) {
    }

    @Schema(name = "RedFlag")
    record RedFlag(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) RedFlagIndicator indicator,
                   @Schema(maxLength = 2000) String note) {
    }

    @Schema(name = "CounsellorRequest")
    record Counsellor(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 128)
                      String counsellorId) {
    }

    @Schema(name = "CommandAnswer", description = "also sent as ETag: \"<version>\"")
    record Answer(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID agreementId,
                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                          description = "the sequence number of the agreement's last event") long version,
                  UUID boundaryId, Integer boundaryVersion, UUID breachId, UUID flagId, String counsellorId,
                  String partnerId) {
    }
}
