package org.sharedagreements.command.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

import static org.sharedagreements.kernel.TextRules.USER_ID_MAX;

/** {@code POST /api/agreements/{a}/counsellors}. */
@Schema(name = "CounsellorRequest")
public record CounsellorRequest(
        @NotNull(message = RequestMessages.REQUIRED) @PlainText(min = 1, max = USER_ID_MAX)
        @Schema(minLength = 1, maxLength = USER_ID_MAX, description = "the counsellor's user id (JWT sub)")
        String counsellorId) {
}
