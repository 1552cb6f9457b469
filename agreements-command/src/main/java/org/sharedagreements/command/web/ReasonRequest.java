package org.sharedagreements.command.web;

import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.Content;
import io.swagger.v3.oas.annotations.media.Schema;

import static org.sharedagreements.kernel.TextRules.NOTE_MAX;

/** {@code POST .../boundaries/{b}/consent-withdrawals}; the body itself is optional. */
@Schema(name = "Reason")
public record ReasonRequest(@PlainText(max = NOTE_MAX) @Schema(maxLength = NOTE_MAX) @Confidential String reason) {

    static final ReasonRequest NONE = new ReasonRequest("");

    public ReasonRequest {
        reason = reason == null ? "" : reason;
    }

    @Override
    public String toString() {
        return Content.describe(this);
    }
}
