/**
 * The Agreement aggregate and its rules: membership, boundaries and their versions, consent, reviews (scheduled
 * as {@link org.sharedagreements.command.agreement.ReviewDeadline}s), breaches, red flags and counsellor access,
 * with one member entity per boundary, breach, red flag and counsellor grant, kept by id and handed only the
 * events that name it ({@link org.sharedagreements.command.agreement.EntityEvents}). Command handlers on the root check
 * a rule and apply events; event sourcing handlers only change state, which holds ids, states, versions and times
 * but never free text. Refusals are a {@link org.sharedagreements.command.agreement.RuleViolation} naming its
 * {@link org.sharedagreements.command.agreement.Rule} (409),
 * {@link org.sharedagreements.command.agreement.AgreementNotVisible} for anything the caller may not see (404), or
 * {@link org.sharedagreements.command.agreement.RoleMayNotAct} for a read-only role (403); they leave the handling
 * node as a {@link org.sharedagreements.kernel.CommandRefusal} in a {@code CommandExecutionException}'s
 * details ({@link org.sharedagreements.command.agreement.RefusalInterceptor}).
 */
package org.sharedagreements.command.agreement;
