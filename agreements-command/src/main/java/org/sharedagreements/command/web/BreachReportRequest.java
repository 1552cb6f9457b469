package org.sharedagreements.command.web;

import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.UUID;

import static org.sharedagreements.kernel.TextRules.DESCRIPTION_MAX;
import static org.sharedagreements.kernel.TextRules.USER_ID_MAX;

/** {@code POST .../breaches}. */
@Schema(name = "BreachReport")
public record BreachReportRequest(
        @NotNull(message = RequestMessages.REQUIRED) UUID boundaryId,
        @NotNull(message = RequestMessages.REQUIRED) @PlainText(min = 1, max = USER_ID_MAX)
        @Schema(minLength = 1, maxLength = USER_ID_MAX) String breachedBy,
        @NotNull(message = RequestMessages.REQUIRED) @PlainText(min = 1, max = DESCRIPTION_MAX)
        @Schema(minLength = 1, maxLength = DESCRIPTION_MAX) @Confidential String description,
        @NotNull(message = RequestMessages.REQUIRED) Instant occurredAt) {

    @Override
    public String toString() {
        return Content.describe(this);
    }
}
