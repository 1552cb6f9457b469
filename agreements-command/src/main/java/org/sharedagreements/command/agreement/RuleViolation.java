package org.sharedagreements.command.agreement;

import java.util.Objects;

/**
 * A domain rule refuses the command now. The web layer answers 409 with {@link #rule()} as the problem's
 * {@code rule} and {@link #getMessage()} as its {@code detail}; the message is written for the partner and never
 * contains agreement content.
 */
public class RuleViolation extends RuntimeException {

    private final Rule rule;

    public RuleViolation(Rule rule, String detail) {
        super(Objects.requireNonNull(detail, "a rule violation needs a detail"), null, false, false);
        this.rule = Objects.requireNonNull(rule, "a rule violation names its rule");
    }

    public static RuleViolation of(Rule rule) {
        return new RuleViolation(rule, rule.detail());
    }

    public Rule rule() {
        return rule;
    }
}
