package org.sharedagreements.web.agreement;

import org.sharedagreements.kernel.BoundaryCategory;
import org.sharedagreements.kernel.BoundaryTerms;
import org.sharedagreements.kernel.PrivateText;
import org.sharedagreements.kernel.RedFlagIndicator;
import org.sharedagreements.kernel.ReviewPeriod;
import org.sharedagreements.kernel.TextRules;
import org.sharedagreements.query.agreement.AgreementState;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.Period;

/**
 * Reads the values of one form by the rules the API's request records follow (the kernel's {@link TextRules} and
 * value objects), each refusal a {@link FormProblem.Invalid} naming the field. Field names are the API's JSON
 * field names.
 */
final class FormValues {

    static final String REQUIRED = "web.agreement.invalid.required";
    static final String TEXT = "web.agreement.invalid.text";

    private final String form;

    private FormValues(String form) {
        this.form = form;
    }

    /** The values of the form with this id on the page. */
    static FormValues of(String form) {
        return new FormValues(form);
    }

    String form() {
        return form;
    }

    FormProblem.Invalid invalid(String field, String message) {
        return new FormProblem.Invalid(form, field, message);
    }

    /** A text of {@code min..max} characters ({@code min} 0: optional, absent reads as empty). */
    String text(String field, String value, int min, int max) {
        String text = value == null ? "" : value;
        if (min > 0 && text.isBlank()) {
            throw invalid(field, REQUIRED);
        }
        if (TextRules.problem(text, min, max) != null) {
            throw invalid(field, TEXT + "." + max);
        }
        return text;
    }

    PrivateText privateText(String field, String value, int min, int max) {
        return PrivateText.of(text(field, value, min, max));
    }

    /** A user id as a person types it (spaces around it are not part of it). */
    String userId(String field, String value) {
        return text(field, value == null ? null : value.strip(), 1, TextRules.USER_ID_MAX);
    }

    /** A boundary version: a whole number from 1. */
    int boundaryVersion(String value) {
        try {
            int version = Integer.parseInt(value == null ? "" : value.strip());
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw invalid("boundaryVersion", "web.agreement.invalid.boundaryVersion");
    }

    /**
     * The terms of a proposal or a revision, as the API's {@code BoundaryTerms} body: {@code category},
     * {@code statement}, {@code measure}, {@code consequence}, {@code reviewEvery} ({@link #reviewPeriod}).
     */
    BoundaryTerms terms(String category, String statement, String measure, String consequence, String reviewEvery) {
        try {
            return new BoundaryTerms(category(category),
                    text("statement", statement, 1, TextRules.STATEMENT_MAX),
                    text("measure", measure, 0, TextRules.NOTE_MAX),
                    text("consequence", consequence, 0, TextRules.NOTE_MAX),
                    reviewPeriod(reviewEvery));
        } catch (FormProblem.Invalid invalid) {
            AgreementState.Terms entered = new AgreementState.Terms();
            entered.category = category;
            entered.statement = statement;
            entered.measure = measure;
            entered.consequence = consequence;
            entered.reviewEvery = reviewEvery;
            throw invalid.entered(entered);
        }
    }

    BoundaryCategory category(String value) {
        try {
            return BoundaryCategory.valueOf(value == null ? "" : value);
        } catch (IllegalArgumentException unknown) {
            throw invalid("category", "web.agreement.invalid.category");
        }
    }

    RedFlagIndicator indicator(String value) {
        try {
            return RedFlagIndicator.valueOf(value == null ? "" : value);
        } catch (IllegalArgumentException unknown) {
            throw invalid("indicator", "web.agreement.invalid.indicator");
        }
    }

    /**
     * {@code reviewEvery}: a number of days (what the page's field asks for) or an ISO-8601 period of days as the
     * API takes it ({@code P30D}, {@code P2W}), 1 to 366 days; empty for the default (30 days).
     */
    ReviewPeriod reviewPeriod(String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return text.chars().allMatch(Character::isDigit) && text.length() <= 3
                    ? new ReviewPeriod(Period.ofDays(Integer.parseInt(text))) : ReviewPeriod.parse(text);
        } catch (IllegalArgumentException outOfRange) {
            throw invalid("reviewEvery", "web.agreement.invalid.reviewEvery");
        }
    }

    /**
     * {@code occurredAt}: a date ({@code 2026-12-03}, the start of that day) or a {@code datetime-local} value
     * ({@code 2026-12-03T18:30}), read in UTC; an ISO-8601 instant is taken as it is.
     */
    Instant occurredAt(String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw invalid("occurredAt", REQUIRED);
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (text.endsWith("Z") || text.contains("+")) {
                return Instant.parse(text);
            }
            return LocalDateTime.parse(text).atZone(ZoneId.of("UTC")).toInstant();
        } catch (DateTimeException unreadable) {
            throw invalid("occurredAt", "web.agreement.invalid.occurredAt");
        }
    }
}
