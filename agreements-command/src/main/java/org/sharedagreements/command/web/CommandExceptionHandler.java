package org.sharedagreements.command.web;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.sharedagreements.command.CommandSide;
import org.sharedagreements.command.agreement.AgreementNotVisible;
import org.sharedagreements.command.agreement.RoleMayNotAct;
import org.sharedagreements.command.agreement.RuleViolation;
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
 * read but not act (a counsellor) is 403, and a stale {@code If-Match} is 412. Anything else falls through to the
 * application's generic handler.
 */
@CommandSide
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CommandExceptionHandler {

    @ExceptionHandler(RuleViolation.class)
    public ResponseEntity<ProblemDetail> ruleViolation(RuleViolation violation) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, violation.getMessage());
        problem.setTitle("Refused by a rule of the agreement");
        problem.setProperty("rule", violation.rule().name());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(RoleMayNotAct.class)
    public ResponseEntity<ProblemDetail> roleMayNotAct(RoleMayNotAct refusal) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, refusal.getMessage()));
    }

    @ExceptionHandler(AgreementNotVisible.class)
    public ResponseEntity<ProblemDetail> notVisible(AgreementNotVisible missing) {
        return notFound(missing.what());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<ProblemDetail> noSuchAgreement(AggregateNotFoundException ignored) {
        return notFound("agreement");
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    public ResponseEntity<ProblemDetail> staleVersion(ConflictingAggregateVersionException ignored) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED,
                "The agreement has changed since the version in If-Match; read it again and retry.");
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).body(problem);
    }

    /** A command bus that wraps the handler's exception (as a distributed one does) is unwrapped here. */
    @ExceptionHandler(CommandExecutionException.class)
    public ResponseEntity<ProblemDetail> wrapped(CommandExecutionException exception) throws Exception {
        Throwable cause = exception.getCause();
        if (cause instanceof RuleViolation violation) {
            return ruleViolation(violation);
        }
        if (cause instanceof AgreementNotVisible missing) {
            return notVisible(missing);
        }
        if (cause instanceof AggregateNotFoundException) {
            return notFound("agreement");
        }
        if (cause instanceof RoleMayNotAct refusal) {
            return roleMayNotAct(refusal);
        }
        if (cause instanceof ConflictingAggregateVersionException conflict) {
            return staleVersion(conflict);
        }
        throw exception;
    }

    /** 404 naming what is missing; for anyone but a partner that is always the agreement itself. */
    private static ResponseEntity<ProblemDetail> notFound(String what) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such " + what + "."));
    }
}
