/**
 * {@code Idempotency-Key} on the command side, where the command's transaction is: a command that carries a key
 * (as metadata, from the web filter's {@link org.sharedagreements.command.idempotency.IdempotentRequest}) claims
 * the key's row before its handler runs and records its answer after, in the same transaction as its events, so
 * the row exists exactly when the events do, whatever answer reached the client. A concurrent repeat waits on the
 * row's key until the first commits and is then answered with the first answer
 * ({@link org.sharedagreements.command.idempotency.AnsweredBefore}); a refusal changes nothing and is recorded
 * after the fact. The {@code idempotency_key} table belongs to
 * {@link org.sharedagreements.command.idempotency.IdempotencyRecords}.
 */
package org.sharedagreements.command.idempotency;
