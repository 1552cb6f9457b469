package org.sharedagreements.query.projection;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;

/**
 * What a projection's dead letter keeps of the failure that parked it: the exception's class and where it was
 * thrown, never its message. A message may quote what a partner wrote or who they are (a JSON library's, say),
 * and {@code dead_letter_entry.cause_message} is a plain column: it would reach the disk in the clear. The
 * processor logs the exception itself; operators see the class ({@code GET /api/admin/dead-letters}).
 */
public final class ContentFreeFailures implements EnqueuePolicy<EventMessage<?>> {

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        return Decisions.enqueue(new ThrowableCause(cause.getClass().getName(), where(cause)));
    }

    /** {@code "thrown at Class.method(File.java:line)"}: code, never data. */
    static String where(Throwable cause) {
        StackTraceElement[] trace = cause.getStackTrace();
        if (trace.length == 0) {
            return "thrown";
        }
        StackTraceElement top = trace[0];
        return "thrown at " + top.getClassName() + "." + top.getMethodName() + "(" + top.getFileName() + ":"
                + top.getLineNumber() + ")";
    }
}
