package org.sharedagreements.command.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.sharedagreements.command.CommandSide;
import org.sharedagreements.command.web.CommandAnswer;
import org.sharedagreements.kernel.AgreementCommand;
import org.springframework.stereotype.Component;

import java.util.Objects;
import java.util.Optional;

/**
 * Makes a command with an {@code Idempotency-Key} run at most once per key: it claims the key's row before the
 * handler runs and writes the handler's answer into it after, both in the unit of work's transaction (the command
 * bus starts it before any handler interceptor), so the row commits with the command's events or not at all. A
 * client whose answer was lost after the commit therefore finds the answer on retry instead of running the
 * command again; a repeat that arrives while the first still runs waits on the row and then gets
 * {@link AnsweredBefore}. Axon registers this bean on the command bus.
 */
@CommandSide
@Component
public class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final IdempotencyRecords records;
    private final ObjectMapper objectMapper;

    public IdempotencyInterceptor(IdempotencyRecords records, ObjectMapper objectMapper) {
        this.records = Objects.requireNonNull(records, "the idempotency records");
        this.objectMapper = Objects.requireNonNull(objectMapper, "the object mapper the endpoints answer with");
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> message = unitOfWork.getMessage();
        Optional<IdempotentRequest> request = IdempotentRequest.of(message.getMetaData());
        if (request.isEmpty() || !(message.getPayload() instanceof AgreementCommand command)) {
            return chain.proceed();
        }
        if (!records.claim(request.get())) {
            throw new AnsweredBefore();
        }
        Object result = chain.proceed();
        CommandAnswer answer = CommandAnswer.of(command, result);
        records.complete(request.get(), new RecordedAnswer(answer.status().value(), CommandAnswer.CONTENT_TYPE,
                answer.location(), answer.eTag(), objectMapper.writeValueAsBytes(answer.body())));
        return result;
    }
}
