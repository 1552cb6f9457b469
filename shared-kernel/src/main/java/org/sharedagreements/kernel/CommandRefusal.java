package org.sharedagreements.kernel;

import java.util.Objects;

/**
 * Why the write side refused a command, as it travels in a {@code CommandExecutionException}'s details: Axon
 * serializes the details to the node that sent the command, never the cause (AxonIQ code-samples
 * {@code distributed-exceptions}). Plain strings and an enum, so any serializer carries it; never agreement
 * content (the rule's detail is the sentence written for the partner). In the kernel so that every sender of
 * commands (the API, the web pages) reads it the same way; the command side makes it from its exceptions
 * ({@code org.sharedagreements.command.agreement.Refusals}).
 *
 * @param kind   what sort of refusal, which decides the HTTP status
 * @param rule   the broken rule's name for {@link Kind#RULE_VIOLATED}, otherwise {@code null}
 * @param detail the sentence for the caller
 * @param what   for {@link Kind#NOT_VISIBLE}, what is missing ("agreement", "boundary", ...), otherwise {@code null}
 */
public record CommandRefusal(Kind kind, String rule, String detail, String what) {

    public enum Kind { RULE_VIOLATED, NOT_VISIBLE, ROLE_MAY_NOT_ACT, STALE_VERSION }

    public CommandRefusal {
        Objects.requireNonNull(kind, "a refusal has a kind");
    }

    /** Something the caller may not see, or that does not exist: told apart from nothing. */
    public static CommandRefusal notVisible(String what) {
        return new CommandRefusal(Kind.NOT_VISIBLE, null, "No such " + what + ".", what);
    }
}
