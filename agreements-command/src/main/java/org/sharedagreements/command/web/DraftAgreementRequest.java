package org.sharedagreements.command.web;

import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

import static org.sharedagreements.kernel.TextRules.TITLE_MAX;

/** {@code POST /api/agreements}. */
@Schema(name = "DraftAgreement")
public record DraftAgreementRequest(
        @NotNull(message = RequestMessages.REQUIRED) @PlainText(min = 1, max = TITLE_MAX)
        @Schema(minLength = 1, maxLength = TITLE_MAX) @Confidential String title) {

    @Override
    public String toString() {
        return Content.describe(this);
    }
}
