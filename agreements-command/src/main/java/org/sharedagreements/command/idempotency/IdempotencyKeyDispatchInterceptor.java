package org.sharedagreements.command.idempotency;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.sharedagreements.command.CommandSide;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Gives the command an HTTP request sends that request's {@link IdempotentRequest} as metadata, so that the
 * command endpoints need not know about keys. It runs on the request's thread as the command leaves the gateway
 * (Axon registers this bean there); a retry after a lost append race re-sends the message as it left.
 */
@CommandSide
@Component
public class IdempotencyKeyDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            RequestAttributes http = RequestContextHolder.getRequestAttributes();
            Object request = http == null ? null : http.getAttribute(IdempotentRequest.ATTRIBUTE,
                    RequestAttributes.SCOPE_REQUEST);
            return request instanceof IdempotentRequest idempotent ? command.andMetaData(idempotent.metaData()) : command;
        };
    }
}
