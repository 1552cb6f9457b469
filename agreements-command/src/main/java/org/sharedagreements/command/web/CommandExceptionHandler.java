package org.sharedagreements.command.web;

import org.axonframework.commandhandling.CommandExecutionException;
import org.sharedagreements.command.CommandSide;
import org.sharedagreements.command.agreement.RefusalInterceptor;
import org.sharedagreements.kernel.CommandRefusal;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps what the write side refuses to the API's problems: a broken rule is 409 with the rule in {@code detail}
 * (and its code in {@code rule}), an agreement the caller may not see is 404 exactly like one that does not
 * exist (a partner is told which boundary, breach, red flag or counsellor grant is missing), a role that may
 * read but not act (a counsellor) is 403, and a stale {@code If-Match} is 412. The refusal is read from the
 * {@link CommandExecutionException}'s details (see {@link RefusalInterceptor}), the only part of a handler's
 * failure that crosses a distributed command bus. Anything else falls through to the application's generic
 * handler.
 */
@CommandSide
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CommandExceptionHandler {

    @ExceptionHandler(CommandExecutionException.class)
    public ResponseEntity<ProblemDetail> refused(CommandExecutionException exception) {
        CommandRefusal refusal = exception.getDetails().filter(CommandRefusal.class::isInstance)
                .map(CommandRefusal.class::cast).orElseThrow(() -> exception);
        HttpStatus status = switch (refusal.kind()) {
            case RULE_VIOLATED -> HttpStatus.CONFLICT;
            case NOT_VISIBLE -> HttpStatus.NOT_FOUND;
            case ROLE_MAY_NOT_ACT -> HttpStatus.FORBIDDEN;
            case STALE_VERSION -> HttpStatus.PRECONDITION_FAILED;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refusal.detail());
        if (refusal.kind() == CommandRefusal.Kind.RULE_VIOLATED) {
            problem.setTitle("Refused by a rule of the agreement");
            problem.setProperty("rule", refusal.rule());
        }
        return ResponseEntity.status(status).body(problem);
    }
}
