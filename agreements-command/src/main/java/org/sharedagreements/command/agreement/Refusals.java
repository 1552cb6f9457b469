package org.sharedagreements.command.agreement;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.sharedagreements.kernel.CommandRefusal;
import org.sharedagreements.kernel.CommandRefusal.Kind;

import java.util.Optional;

/** Which {@link CommandRefusal} a handler's exception stands for: the write side's exceptions, read in one place. */
public final class Refusals {

    private Refusals() {
    }

    /** The refusal a handler's exception stands for, or empty for a failure that is not a refusal. */
    public static Optional<CommandRefusal> of(Throwable failure) {
        if (failure instanceof RuleViolation violation) {
            return Optional.of(new CommandRefusal(Kind.RULE_VIOLATED, violation.rule().name(), violation.getMessage(),
                    null));
        }
        if (failure instanceof AgreementNotVisible missing) {
            return Optional.of(CommandRefusal.notVisible(missing.what()));
        }
        if (failure instanceof AggregateNotFoundException) {
            return Optional.of(CommandRefusal.notVisible("agreement"));
        }
        if (failure instanceof RoleMayNotAct refusal) {
            return Optional.of(new CommandRefusal(Kind.ROLE_MAY_NOT_ACT, null, refusal.getMessage(), null));
        }
        if (failure instanceof ConflictingAggregateVersionException) {
            return Optional.of(new CommandRefusal(Kind.STALE_VERSION, null,
                    "The agreement has changed since the version in If-Match; read it again and retry.", null));
        }
        return Optional.empty();
    }
}
