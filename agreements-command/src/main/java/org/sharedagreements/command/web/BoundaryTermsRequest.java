package org.sharedagreements.command.web;

import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.sharedagreements.kernel.BoundaryCategory;
import org.sharedagreements.kernel.BoundaryTerms;
import org.sharedagreements.kernel.ReviewPeriod;

import static org.sharedagreements.kernel.TextRules.NOTE_MAX;
import static org.sharedagreements.kernel.TextRules.STATEMENT_MAX;

/** The terms of a proposal ({@code POST .../boundaries}) or a revision ({@code POST .../revisions}). */
@Schema(name = "BoundaryTerms")
public record BoundaryTermsRequest(
        @NotNull(message = RequestMessages.REQUIRED) @Confidential BoundaryCategory category,
        @NotNull(message = RequestMessages.REQUIRED) @PlainText(min = 1, max = STATEMENT_MAX)
        @Schema(minLength = 1, maxLength = STATEMENT_MAX) @Confidential String statement,
        @PlainText(max = NOTE_MAX) @Schema(maxLength = NOTE_MAX, description = "how both can tell it is kept")
        @Confidential String measure,
        @PlainText(max = NOTE_MAX) @Schema(maxLength = NOTE_MAX, description = "the agreed, proportional response")
        @Confidential String consequence,
        @Schema(implementation = String.class, example = "P30D", defaultValue = "P30D",
                description = "ISO-8601 period, P1D to P366D") ReviewPeriod reviewEvery,
        @Pattern(regexp = BoundaryTerms.LANGUAGE_TAG, message = "must be a BCP 47 language tag such as pt-BR")
        @Schema(pattern = BoundaryTerms.LANGUAGE_TAG, example = "pt-BR",
                description = "the language the texts are written in (BCP 47); pages mark the texts with it")
        @Confidential String language) {

    public BoundaryTerms terms() {
        return new BoundaryTerms(category, statement, measure, consequence, reviewEvery, language);
    }

    @Override
    public String toString() {
        return Content.describe(this);
    }
}
