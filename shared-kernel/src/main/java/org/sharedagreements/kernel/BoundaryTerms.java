package org.sharedagreements.kernel;

import java.util.Objects;

/**
 * The full terms of one version of a boundary: what it is about, what it says, how both can tell it is kept
 * ({@code measure}), the agreed proportional response when it is broken ({@code consequence}), and how often
 * it is reviewed. Every proposal and revision event carries these in full, so the history can be read without
 * reconstructing anything. The category and the texts are {@link Confidential}: after the agreement is erased
 * they read as {@code null} and {@value Confidential#ERASED}; new terms always have a category (the API requires
 * it).
 */
public record BoundaryTerms(@Confidential BoundaryCategory category, @Confidential String statement,
                            @Confidential String measure, @Confidential String consequence,
                            ReviewPeriod reviewEvery) {

    public BoundaryTerms {
        Objects.requireNonNull(statement, "boundary terms need a statement");
        measure = measure == null ? "" : measure;
        consequence = consequence == null ? "" : consequence;
        reviewEvery = reviewEvery == null ? ReviewPeriod.DEFAULT : reviewEvery;
    }

    @Override
    public String toString() {
        return Content.describe(this);
    }
}
