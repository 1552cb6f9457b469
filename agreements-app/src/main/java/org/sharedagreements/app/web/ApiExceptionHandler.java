package org.sharedagreements.app.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.sharedagreements.command.web.FieldProblem;
import org.sharedagreements.command.web.InvalidFieldTypes;
import org.sharedagreements.kernel.InvalidValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
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
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last word on errors: Spring MVC's own exceptions become problem+json through
 * {@link ResponseEntityExceptionHandler}; every invalid input, whatever noticed it (a constraint of a request
 * record, a JSON value of the wrong type, a path id, a query parameter, a header), is one 400 built here that lists
 * every invalid field in {@code errors[]}; a database that cannot be reached is 503 with {@code Retry-After};
 * anything unexpected is a 500 whose body says nothing about the cause (the log has it).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    static final String RETRY_AFTER_SECONDS = "5";

    private static final String MALFORMED = "must be well-formed JSON";

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
        Optional<InvalidFieldTypes> wrongTypes = cause(ex, InvalidFieldTypes.class);
        if (wrongTypes.isPresent()) {
            return invalid(wrongTypes.get().problems(), "field");
        }
        Optional<JsonMappingException> mapping = cause(ex, JsonMappingException.class);
        if (mapping.isPresent() && mapping.get().getPath().isEmpty()) {
            return invalid(List.of(new FieldProblem("body", "must be a JSON object")), "field");
        }
        if (mapping.isPresent() && mapping.get().getPath().get(0).getFieldName() != null) {
            return invalid(List.of(new FieldProblem(mapping.get().getPath().get(0).getFieldName(),
                    "has the wrong type")), "field");
        }
        return invalid(List.of(new FieldProblem("body", MALFORMED)),
                "The request body is missing or is not well-formed JSON.");
    }

    /** A request record whose constraints are broken. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getBindingResult().getGlobalErrors().forEach(error -> errors.add(new FieldProblem("body",
                error.getDefaultMessage())));
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(FieldProblem.at(error.getField(), error.getDefaultMessage()));
        }
        return invalid(FieldProblem.inDeclarationOrder(ex.getParameter().getParameterType(), errors), "field");
    }

    /** Constrained parameters (query parameters, path variables, headers), every one reported. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                errors.add(new FieldProblem(fieldName(result.getMethodParameter(), null), error.getDefaultMessage()));
            }
        });
        return invalid(errors, "parameter");
    }

    /** A path id, parameter or header that does not convert to its type (a path id that is not a UUID). */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException mismatch
                ? fieldName(mismatch.getParameter(), mismatch.getName()) : ex.getPropertyName();
        String message = cause(ex, InvalidValue.class).map(InvalidValue::problem).orElse("is invalid");
        return invalid(List.of(new FieldProblem(field == null ? "parameter" : field, message)), "parameter");
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers,
                                                                          HttpStatusCode status,
                                                                          WebRequest request) {
        return invalid(List.of(new FieldProblem(ex.getParameterName(), "is required")), "parameter");
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
                                                                          HttpHeaders headers,
                                                                          HttpStatusCode status,
                                                                          WebRequest request) {
        if (ex instanceof MissingRequestHeaderException missing) {
            return invalid(List.of(new FieldProblem(missing.getHeaderName(), "is required")), "header");
        }
        return super.handleServletRequestBindingException(ex, headers, status, request);
    }

    /** A value the kernel or a controller refused ({@code If-Match}, the token's {@code sub}, a listing's rule). */
    @ExceptionHandler(InvalidValue.class)
    public ResponseEntity<Object> invalidValue(InvalidValue invalid) {
        return invalid(List.of(new FieldProblem(invalid.field() == null ? "body" : invalid.field(), invalid.problem())),
                "field");
    }

    /**
     * The one 400 of the API: {@code errors: [{"field","message"}]} and a detail counting them ({@code what} names
     * what was invalid, or is the whole detail when it is a sentence).
     */
    private static ResponseEntity<Object> invalid(List<FieldProblem> errors, String what) {
        String detail = what.endsWith(".") ? what
                : errors.size() == 1 ? "1 " + what + " is invalid." : errors.size() + " " + what + "s are invalid.";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors.stream().map(error -> {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("field", error.field());
            entry.put("message", error.message());
            return entry;
        }).toList());
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * What a 400 calls a parameter: a path variable by what it is (its Java name, {@code agreementId}, not the
     * template's {@code a}), anything else by the name the request gives it.
     */
    private static String fieldName(MethodParameter parameter, String requestName) {
        if (parameter.hasParameterAnnotation(PathVariable.class)) {
            return parameter.getParameterName();
        }
        if (requestName != null) {
            return requestName;
        }
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        String given = param != null ? (param.value().isEmpty() ? param.name() : param.value())
                : header != null ? (header.value().isEmpty() ? header.name() : header.value()) : "";
        return given.isEmpty() ? parameter.getParameterName() : given;
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
