package org.sharedagreements.kernel;

import java.util.Objects;

/**
 * The full terms of one version of a boundary: what it is about, what it says, how both can tell it is kept
 * ({@code measure}), the agreed proportional response when it is broken ({@code consequence}), and how often
 * it is reviewed. Every proposal and revision event carries these in full, so the history can be read without
 * reconstructing anything.
 */
public record BoundaryTerms(BoundaryCategory category, String statement, String measure, String consequence,
                            ReviewPeriod reviewEvery) {

    public BoundaryTerms {
        Objects.requireNonNull(category, "boundary terms need a category");
        Objects.requireNonNull(statement, "boundary terms need a statement");
        measure = measure == null ? "" : measure;
        consequence = consequence == null ? "" : consequence;
        reviewEvery = reviewEvery == null ? ReviewPeriod.DEFAULT : reviewEvery;
    }
}
