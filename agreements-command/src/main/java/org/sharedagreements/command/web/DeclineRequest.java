package org.sharedagreements.command.web;

import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import static org.sharedagreements.kernel.TextRules.NOTE_MAX;

/** {@code POST .../boundaries/{b}/declines}. */
@Schema(name = "Decline")
public record DeclineRequest(
        @NotNull(message = RequestMessages.REQUIRED) @Min(value = 1, message = RequestMessages.BOUNDARY_VERSION)
        Integer boundaryVersion,
        @PlainText(max = NOTE_MAX) @Schema(maxLength = NOTE_MAX) @Confidential String reason) {

    public DeclineRequest {
        reason = reason == null ? "" : reason;
    }

    @Override
    public String toString() {
        return Content.describe(this);
    }
}
