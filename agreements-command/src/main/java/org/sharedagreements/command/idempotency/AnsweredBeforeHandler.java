package org.sharedagreements.command.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import org.sharedagreements.command.CommandSide;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Tells the web filter that the request's key was answered before ({@link #ATTRIBUTE}); the filter answers
 * instead of this handler, with that first answer, exactly as it answers a repeat that arrives after the first
 * committed. The filter reads the key's row outside of Spring MVC's exception handling, so that a database that
 * is away meanwhile is the same 503 as everywhere else rather than a failure inside an exception handler.
 */
@CommandSide
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AnsweredBeforeHandler {

    /** The HTTP request attribute that says the key's first answer is to be given. */
    public static final String ATTRIBUTE = AnsweredBefore.class.getName();

    @ExceptionHandler(AnsweredBefore.class)
    public ResponseEntity<Void> answeredBefore(AnsweredBefore ignored, HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, Boolean.TRUE);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
    }
}
