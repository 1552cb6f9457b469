package org.sharedagreements.command.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** {@code POST .../boundaries/{b}/acceptances}. */
@Schema(name = "Acceptance")
public record AcceptanceRequest(
        @NotNull(message = RequestMessages.REQUIRED) @Min(value = 1, message = RequestMessages.BOUNDARY_VERSION)
        Integer boundaryVersion) {
}
