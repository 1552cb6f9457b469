/**
 * The Agreement aggregate and its rules: membership, boundaries and their versions, consent, reviews, breaches,
 * red flags and counsellor access. Command handlers decide and apply events; event sourcing handlers only change
 * state; refusals are a {@link org.sharedagreements.command.agreement.RuleViolation} naming its
 * {@link org.sharedagreements.command.agreement.Rule}, or {@link org.sharedagreements.command.agreement.AgreementNotVisible}
 * for anything the caller may not see.
 */
package org.sharedagreements.command.agreement;
