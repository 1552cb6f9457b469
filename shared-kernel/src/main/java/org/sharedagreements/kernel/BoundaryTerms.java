package org.sharedagreements.kernel;

import java.util.Objects;

/**
 * The full terms of one version of a boundary: what it is about, what it says, how both can tell it is kept
 * ({@code measure}), the agreed proportional response when it is broken ({@code consequence}), and how often
 * it is reviewed. Every proposal and revision event carries these in full, so the history can be read without
 * reconstructing anything. The category and the texts are {@link Confidential}: after the agreement is erased
 * they read as {@code null} and {@value Confidential#ERASED}; new terms always have a category (the API requires
 * it). {@code language} is the BCP 47 tag of the language the texts are written in ({@code pt-BR}), or
 * {@code null} when the partner did not say: pages mark the texts with it, so that screen readers and
 * translation read them in their own language (WCAG 2.2, 3.1.2 "Language of Parts"). It says something about the
 * partners, so it is sealed and erased like the texts.
 */
public record BoundaryTerms(@Confidential BoundaryCategory category, @Confidential String statement,
                            @Confidential String measure, @Confidential String consequence,
                            ReviewPeriod reviewEvery, @Confidential String language) {

    /**
     * A BCP 47 language tag as the API takes it: a language of 2-3 letters, then up to 3 subtags of 1-8 letters or
     * digits.
     */
    public static final String LANGUAGE_TAG = "[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}";

    /** Terms in no stated language: what every proposal was before the language was asked for. */
    public BoundaryTerms(BoundaryCategory category, String statement, String measure, String consequence,
                         ReviewPeriod reviewEvery) {
        this(category, statement, measure, consequence, reviewEvery, null);
    }

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
