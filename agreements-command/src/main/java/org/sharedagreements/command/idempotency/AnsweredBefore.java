package org.sharedagreements.command.idempotency;

/**
 * The command's {@code Idempotency-Key} has a first answer already: another request with it committed first
 * (this one waited for it on the key's row). Nothing ran; the first answer is the answer. Deliberately not a
 * concurrency conflict, so the gateway's retry of lost append races leaves it alone.
 */
public class AnsweredBefore extends RuntimeException {

    public AnsweredBefore() {
        super("the Idempotency-Key has its first answer already", null, false, false);
    }
}
