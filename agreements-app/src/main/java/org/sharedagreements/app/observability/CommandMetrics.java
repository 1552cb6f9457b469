package org.sharedagreements.app.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts every handled command as {@code agreements.commands{type, outcome}}: outcome {@code accepted},
 * {@code refused} (a rule said no), {@code not_found}, {@code forbidden}, {@code conflict} (a stale If-Match or
 * a lost append race) or {@code failed}. The type is the command's simple class name; nothing else is tagged.
 * <p>
 * The command bus also keeps Axon's timer and counters ({@code commandBus_*}) with fixed names and no tags: the
 * dimensional ones build a timer and counters for each message from its tags, and Axon's capacity monitor keeps
 * every measurement of its window; on every bus and processor together they were a twentieth of a command's CPU
 * in the benchmark's profile (so Axon's metrics auto-configuration is off, see application.yml).
 */
@Configuration(proxyBeanMethods = false)
public class CommandMetrics {

    static final String METER = "agreements.commands";

    @Bean
    public static ConfigurerModule commandBusMetrics(ObjectProvider<MeterRegistry> registry) {
        return configurer -> configurer.configureMessageMonitor(CommandBus.class,
                (configuration, componentType, componentName) -> new MultiMessageMonitor<>(List.of(
                        MessageTimerMonitor.buildMonitor(componentName, registry.getObject()),
                        MessageCountingMonitor.buildMonitor(componentName, registry.getObject()))));
    }

    @Autowired
    public void countOutcomes(CommandBus commandBus, MeterRegistry registry) {
        commandBus.registerHandlerInterceptor(new OutcomeCounter(registry));
    }

    static final class OutcomeCounter implements MessageHandlerInterceptor<CommandMessage<?>> {

        private final MeterRegistry registry;
        /** Each counter once: the registry's lookup by name and tags took a share of every command's CPU. */
        private final Map<Outcome, Counter> counters = new ConcurrentHashMap<>();

        OutcomeCounter(MeterRegistry registry) {
            this.registry = registry;
        }

        private void count(Class<?> type, String outcome) {
            counters.computeIfAbsent(new Outcome(type, outcome), key -> registry.counter(METER, "type",
                    key.type().getSimpleName(), "outcome", key.outcome())).increment();
        }

        private record Outcome(Class<?> type, String outcome) {
        }

        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            Class<?> type = unitOfWork.getMessage().getPayloadType();
            try {
                Object result = chain.proceed();
                count(type, "accepted");
                return result;
            } catch (Exception e) {
                count(type, outcome(e));
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
