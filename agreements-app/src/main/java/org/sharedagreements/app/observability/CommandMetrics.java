package org.sharedagreements.app.observability;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Counts every handled command as {@code agreements.commands{type, outcome}}: outcome {@code accepted},
 * {@code refused} (a rule said no), {@code not_found}, {@code forbidden}, {@code conflict} (a stale If-Match or
 * a lost append race) or {@code failed}. The type is the command's simple class name; nothing else is tagged.
 */
@Configuration(proxyBeanMethods = false)
public class CommandMetrics {

    static final String METER = "agreements.commands";

    @Autowired
    public void countOutcomes(CommandBus commandBus, MeterRegistry registry) {
        commandBus.registerHandlerInterceptor(new OutcomeCounter(registry));
    }

    static final class OutcomeCounter implements MessageHandlerInterceptor<CommandMessage<?>> {

        private final MeterRegistry registry;

        OutcomeCounter(MeterRegistry registry) {
            this.registry = registry;
        }

        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            String type = unitOfWork.getMessage().getPayloadType().getSimpleName();
            try {
                Object result = chain.proceed();
                registry.counter(METER, "type", type, "outcome", "accepted").increment();
                return result;
            } catch (Exception e) {
                registry.counter(METER, "type", type, "outcome", outcome(e)).increment();
                throw e;
            }
        }

        private static String outcome(Exception e) {
            String name = e.getClass().getSimpleName();
            return switch (name) {
                case "RuleViolation" -> "refused";
                case "AgreementNotVisible", "AggregateNotFoundException", "AggregateEntityNotFoundException" -> "not_found";
                case "RoleMayNotAct" -> "forbidden";
                case "ConflictingAggregateVersionException", "ConcurrencyException" -> "conflict";
                default -> "failed";
            };
        }
    }
}
