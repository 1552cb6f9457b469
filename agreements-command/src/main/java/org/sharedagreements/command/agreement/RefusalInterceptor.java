package org.sharedagreements.command.agreement;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.sharedagreements.kernel.CommandRefusal;

import java.util.Optional;

/**
 * Rethrows a refusal of the aggregate (a broken rule, something not visible, a role that may not act, a stale
 * {@code If-Match}) as a {@link CommandExecutionException} whose details are the {@link CommandRefusal} ({@link Refusals}): what a
 * distributed command bus carries back to the sending node, where the cause is gone. Locally the cause is kept
 * too, but nothing reads it. Any other failure passes through unchanged.
 */
public class RefusalInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (Exception failure) {
            Optional<CommandRefusal> refusal = Refusals.of(failure);
            if (refusal.isEmpty()) {
                throw failure;
            }
            throw new CommandExecutionException(failure.getMessage(), failure, refusal.get());
        }
    }
}
