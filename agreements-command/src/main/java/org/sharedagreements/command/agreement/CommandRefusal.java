package org.sharedagreements.command.agreement;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

import java.util.Objects;
import java.util.Optional;

/**
 * Why the write side refused a command, as it travels in a {@code CommandExecutionException}'s details: Axon
 * serializes the details to the node that sent the command, never the cause (AxonIQ code-samples
 * {@code distributed-exceptions}). Plain strings and an enum, so any serializer carries it; never agreement
 * content (the rule's detail is the sentence written for the partner).
 *
 * @param kind   what sort of refusal, which decides the HTTP status
 * @param rule   the {@link Rule}'s name for a broken rule, otherwise {@code null}
 * @param detail the sentence for the caller
 * @param what   for {@link Kind#NOT_VISIBLE}, what is missing ("agreement", "boundary", ...), otherwise {@code null}
 */
public record CommandRefusal(Kind kind, String rule, String detail, String what) {

    public enum Kind { RULE_VIOLATED, NOT_VISIBLE, ROLE_MAY_NOT_ACT, STALE_VERSION }

    public CommandRefusal {
        Objects.requireNonNull(kind, "a refusal has a kind");
    }

    /** The refusal a handler's exception stands for, or empty for a failure that is not a refusal. */
    public static Optional<CommandRefusal> of(Throwable failure) {
        if (failure instanceof RuleViolation violation) {
            return Optional.of(new CommandRefusal(Kind.RULE_VIOLATED, violation.rule().name(), violation.getMessage(),
                    null));
        }
        if (failure instanceof AgreementNotVisible missing) {
            return Optional.of(notVisible(missing.what()));
        }
        if (failure instanceof AggregateNotFoundException) {
            return Optional.of(notVisible("agreement"));
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

    private static CommandRefusal notVisible(String what) {
        return new CommandRefusal(Kind.NOT_VISIBLE, null, "No such " + what + ".", what);
    }
}
