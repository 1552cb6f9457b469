package org.sharedagreements.app.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last word on errors: Spring MVC's own exceptions become problem+json through
 * {@link ResponseEntityExceptionHandler}; a database that cannot be reached is 503 with {@code Retry-After};
 * anything unexpected is a 500 whose body says nothing about the cause (the log has it).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    static final String RETRY_AFTER_SECONDS = "5";

    private final DataSource dataSource;

    public ApiExceptionHandler(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Optional<BodyTooLarge> tooLarge = cause(ex, BodyTooLarge.class);
        if (tooLarge.isPresent()) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .body(BodySizeLimitFilter.tooLarge(tooLarge.get().limit()));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is missing or is not well-formed JSON.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", "body", "message", "must be well-formed JSON")));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler
    public ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        if (databaseUnavailable(exception) || causedBy(exception, SQLException.class) && !databaseAnswers()) {
            log.warn("Database unavailable: {}", exception.toString());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "The service cannot reach its database right now; retry shortly.");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).body(problem);
        }
        log.error("Unexpected failure", exception);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                        "Something went wrong on our side."));
    }

    private static boolean databaseUnavailable(Throwable exception) {
        return causedBy(exception, CannotCreateTransactionException.class)
                || causedBy(exception, DataAccessResourceFailureException.class)
                || causedBy(exception, TransientDataAccessException.class)
                || causedBy(exception, SQLTransientException.class)
                || causedBy(exception, java.net.ConnectException.class)
                || connectionLost(exception);
    }

    /** Whether the database takes a connection and answers right now (asked only after a SQL failure). */
    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(1);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** SQLState class 08 (connection exception) or 57P (the server is shutting down or restarting). */
    private static boolean connectionLost(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable exception, Class<? extends Throwable> type) {
        return cause(exception, type).isPresent();
    }

    private static <T extends Throwable> Optional<T> cause(Throwable exception, Class<T> type) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}
