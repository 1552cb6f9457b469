package org.sharedagreements.command.web;

import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import org.sharedagreements.kernel.RedFlagIndicator;

import static org.sharedagreements.kernel.TextRules.NOTE_MAX;

/** {@code POST .../red-flags}. */
@Schema(name = "RedFlag")
public record RedFlagRequest(
        @NotNull(message = RequestMessages.REQUIRED) @Confidential RedFlagIndicator indicator,
        @PlainText(max = NOTE_MAX) @Schema(maxLength = NOTE_MAX) @Confidential String note) {

    public RedFlagRequest {
        note = note == null ? "" : note;
    }

    @Override
    public String toString() {
        return Content.describe(this);
    }
}
