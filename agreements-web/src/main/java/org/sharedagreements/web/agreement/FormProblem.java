package org.sharedagreements.web.agreement;

import org.sharedagreements.query.agreement.AgreementState;

/**
 * A form value the page refuses (422), tied to its field: the form's id on the page, the field's name (the API's
 * JSON field name) and the message key of what is wrong. The field's element id on the page is
 * {@code <form>-<field>}, its message's {@code <form>-<field>-problem}. For a proposal or a revision it keeps the
 * terms as they were typed ({@code entered}), so that the form shows them again to be corrected.
 */
public record FormProblem(String form, String field, String message, AgreementState.Terms entered) {

    /** No problem: what the page's model holds when every value was accepted. */
    static final FormProblem NONE = new FormProblem("", "", "", null);

    /** Whether this problem belongs to that field of that form (the template asks, to show it there). */
    public boolean at(String form, String field) {
        return this.form.equals(form) && this.field.equals(field);
    }

    /** The field's {@code aria-describedby}: its hint (may be null) and, when it is the field, this message. */
    public String describedBy(String form, String field, String hint) {
        String message = at(form, field) ? id() : null;
        if (hint == null) {
            return message;
        }
        return message == null ? hint : hint + " " + message;
    }

    /** The field's {@code aria-invalid}: "true" for the field this problem is about, else absent. */
    public String invalid(String form, String field) {
        return at(form, field) ? "true" : null;
    }

    /** The id of the message's element, for the field's {@code aria-describedby}. */
    public String id() {
        return form + "-" + field + "-problem";
    }

    /** Thrown while a command is built from a form; {@link AgreementPages#send} renders it as the 422 page. */
    static final class Invalid extends RuntimeException {
        private final transient FormProblem problem;

        Invalid(String form, String field, String message) {
            this(new FormProblem(form, field, message, null));
        }

        private Invalid(FormProblem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }

        /** The same problem, with the terms as the person typed them. */
        Invalid entered(AgreementState.Terms terms) {
            return new Invalid(new FormProblem(problem.form(), problem.field(), problem.message(), terms));
        }

        FormProblem problem() {
            return problem;
        }
    }
}
