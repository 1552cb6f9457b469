package org.sharedagreements.web.agreement;

import org.sharedagreements.kernel.BoundaryTerms;
import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.Content;

/**
 * The fields of a proposal's or a revision's form, named as the API's {@code BoundaryTerms} body; all text, so that
 * binding never fails and every value is judged by {@link FormValues#terms} (422 at its field).
 * {@code reviewEvery} is a number of days or an ISO-8601 period ({@code P30D}).
 */
public record TermsForm(@Confidential String category, @Confidential String statement, @Confidential String measure,
                        @Confidential String consequence, String reviewEvery) {

    BoundaryTerms terms(FormValues values) {
        return values.terms(category, statement, measure, consequence, reviewEvery);
    }

    @Override
    public String toString() {
        return Content.describe(this);
    }
}
