package org.sharedagreements.query.web;

import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.BoundaryId;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads the path variables and query parameters of one request and collects every problem instead of stopping
 * at the first, so a client learns about all invalid parameters in one 400. Read every parameter, then call
 * {@link #throwIfInvalid()}.
 */
public final class QueryParameters {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final List<Map<String, String>> errors = new ArrayList<>();

    public AgreementId agreementId(String name, String value) {
        UUID uuid = uuid(name, value);
        return uuid == null ? null : new AgreementId(uuid);
    }

    public BoundaryId boundaryId(String name, String value) {
        UUID uuid = uuid(name, value);
        return uuid == null ? null : new BoundaryId(uuid);
    }

    /**
     * {@code agreementId} of a listing: the agreement whose event {@code minVersion} the list is to reflect;
     * required with {@code minVersion}, null when absent.
     */
    public AgreementId awaitedAgreement(String agreementId, String minVersion) {
        if (agreementId == null) {
            if (minVersion != null) {
                reject("agreementId", "is required with minVersion: the agreement whose version to wait for");
            }
            return null;
        }
        return agreementId("agreementId", agreementId);
    }

    /** {@code minVersion}: absent, or a whole number from 0. */
    public Long minVersion(String value) {
        return wholeNumber("minVersion", value, 0, Long.MAX_VALUE);
    }

    /** A whole number from {@code min} to {@code max}, or null when absent. */
    public Long wholeNumber(String name, String value, long min, long max) {
        if (value == null) {
            return null;
        }
        try {
            long number = Long.parseLong(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        reject(name, max == Long.MAX_VALUE ? "must be a whole number from " + min
                : "must be a whole number from " + min + " to " + max);
        return null;
    }

    /** An ISO-8601 instant with an offset ({@code 2026-11-26T17:00:00.123Z}), or null when absent. */
    public Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            reject(name, "must be an ISO-8601 instant such as 2026-11-26T17:00:00.123Z");
            return null;
        }
    }

    public void reject(String field, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        errors.add(error);
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw QueryProblems.invalid(errors);
        }
    }

    private UUID uuid(String name, String value) {
        if (value == null || !UUID_TEXT.matcher(value).matches()) {
            reject(name, "must be a UUID");
            return null;
        }
        return UUID.fromString(value);
    }
}
