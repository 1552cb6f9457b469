package org.sharedagreements.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.BoundaryCategory;
import org.sharedagreements.kernel.BoundaryTerms;
import org.sharedagreements.kernel.CounsellorId;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.ReviewPeriod;

import java.util.UUID;

/**
 * The parts of a command request that are not in its body: path ids and headers, each validated with the same
 * problem shape as body fields. Text limits are those of the API contract.
 */
final class CommandRequests {

    static final int TITLE_MAX = 200;
    static final int STATEMENT_MAX = 2000;
    static final int NOTE_MAX = 2000;
    static final int DESCRIPTION_MAX = 4000;

    private CommandRequests() {
    }

    static AgreementId agreementId(String value) {
        return new AgreementId(pathUuid("agreementId", value));
    }

    static UUID pathUuid(String name, String value) {
        JsonFields fields = new JsonFields(null);
        UUID uuid = fields.uuid(name, value);
        if (uuid == null) {
            throw InvalidRequest.of(name, "must be a UUID");
        }
        return uuid;
    }

    static PartnerId userId(String field, String value) {
        String problem = value == null ? "is required" : JsonFields.textProblem(value, 1, PartnerId.MAX_LENGTH);
        if (problem != null) {
            throw InvalidRequest.of(field, problem);
        }
        return PartnerId.of(value);
    }

    static CounsellorId counsellorId(String value) {
        return CounsellorId.of(userId("counsellorId", value).value());
    }

    /**
     * The version a client expects from {@code If-Match: "<version>"}; {@code null} without the header or for
     * {@code *}. A weak tag ({@code W/"3"}) is read like a strong one.
     */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            long version = Long.parseLong(tag);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw InvalidRequest.of("If-Match", "must be an agreement version as sent in ETag, such as \"3\"");
        }
    }

    /** Reads the terms of a proposal or revision; the caller still has to call {@link JsonFields#throwIfInvalid()}. */
    static BoundaryTerms terms(JsonFields fields) {
        BoundaryCategory category = fields.requiredEnum("category", BoundaryCategory.class);
        String statement = fields.requiredText("statement", 1, STATEMENT_MAX);
        String measure = fields.optionalText("measure", NOTE_MAX);
        String consequence = fields.optionalText("consequence", NOTE_MAX);
        ReviewPeriod reviewEvery = reviewPeriod(fields);
        if (category == null || statement == null || reviewEvery == null) {
            return null;
        }
        return new BoundaryTerms(category, statement, measure, consequence, reviewEvery);
    }

    private static ReviewPeriod reviewPeriod(JsonFields fields) {
        JsonNode node = fields.node("reviewEvery");
        if (node == null || node.isNull()) {
            return ReviewPeriod.DEFAULT;
        }
        if (!node.isTextual()) {
            fields.reject("reviewEvery", "must be an ISO-8601 period from P1D to P366D, such as P30D");
            return null;
        }
        try {
            return ReviewPeriod.parse(node.textValue());
        } catch (IllegalArgumentException e) {
            fields.reject("reviewEvery", "must be an ISO-8601 period from P1D to P366D, such as P30D");
            return null;
        }
    }
}
