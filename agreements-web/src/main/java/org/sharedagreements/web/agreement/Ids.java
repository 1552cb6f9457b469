package org.sharedagreements.web.agreement;

import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.BreachId;
import org.sharedagreements.kernel.CounsellorId;
import org.sharedagreements.kernel.RedFlagId;
import org.sharedagreements.kernel.TextRules;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.util.function.Function;

/**
 * The ids in a page's path. One that cannot be an id names nothing: the 404 page, as for an id that does not exist
 * (the API answers 400 here; a person following a broken link is better told the page is not there).
 */
final class Ids {

    private Ids() {
    }

    static AgreementId agreement(String value) {
        return read(value, AgreementId::of);
    }

    static BoundaryId boundary(String value) {
        return read(value, BoundaryId::of);
    }

    static BreachId breach(String value) {
        return read(value, BreachId::of);
    }

    static RedFlagId redFlag(String value) {
        return read(value, RedFlagId::of);
    }

    static CounsellorId counsellor(String value) {
        if (value == null || TextRules.problem(value, 1, TextRules.USER_ID_MAX) != null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return CounsellorId.of(value);
    }

    private static <T> T read(String value, Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (RuntimeException notAnId) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
