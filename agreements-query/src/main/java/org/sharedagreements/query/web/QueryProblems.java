package org.sharedagreements.query.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;


/** The problems (RFC 9457) the query endpoints answer with; Spring MVC renders them as problem+json. */
public final class QueryProblems {

    /** How soon a client may ask again when the read model has not caught up. */
    private static final int RETRY_AFTER_SECONDS = 1;

    private QueryProblems() {
    }

    /** 404: no such thing, or the caller may not see it; the two are never told apart. */
    public static ErrorResponseException notFound(String what) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such " + what + ".");
        problem.setTitle("Not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    public static ErrorResponseException forbidden(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setTitle("Forbidden");
        return new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
    }

    /** 503 with {@code Retry-After}: the read model has not applied the requested version yet. */
    public static ErrorResponseException notYet(long minVersion) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The read model has not caught up with version " + minVersion + " yet; retry shortly.");
        problem.setTitle("Not caught up yet");
        return new RetryLater(HttpStatus.SERVICE_UNAVAILABLE, problem, RETRY_AFTER_SECONDS);
    }

    /** 429 with {@code Retry-After}: the caller holds as many waits or streams as one may. */
    public static ErrorResponseException tooMany(String detail, int retryAfterSeconds) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, detail);
        problem.setTitle("Too many requests");
        return new RetryLater(HttpStatus.TOO_MANY_REQUESTS, problem, retryAfterSeconds);
    }

    private static final class RetryLater extends ErrorResponseException {
        private final HttpHeaders headers = new HttpHeaders();

        RetryLater(HttpStatus status, ProblemDetail problem, int retryAfterSeconds) {
            super(status, problem, null);
            headers.set(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds));
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }
    }
}
