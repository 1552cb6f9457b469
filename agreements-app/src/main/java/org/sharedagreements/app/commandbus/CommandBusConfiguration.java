package org.sharedagreements.app.commandbus;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.sharedagreements.command.CommandSide;
import org.sharedagreements.command.agreement.Agreement;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.function.SingletonSupplier;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The command gateway, as Axon would build it, plus retries of concurrent appends (see
 * {@link ConcurrencyRetryScheduler}); and the cache of agreements the command side keeps between commands (see
 * {@link VerifiedAggregateCache}).
 */
@CommandSide
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommandSettings.class)
public class CommandBusConfiguration {

    @Bean(destroyMethod = "shutdownNow")
    public ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    public CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new ConcurrencyRetryScheduler(commandRetryExecutor, 8, 20))
                .build();
    }

    /**
     * Agreements kept in memory between commands, checked against the event store before each use. Loading an
     * agreement from the store means reading its snapshot and decrypting and applying the events after it (when
     * each event was still offered to every member entity, measured with the benchmark (README "Performance"), that
     * was over half of a command's time).
     */
    @Bean
    public Cache agreementCache(ObjectProvider<EventStore> eventStore, CommandSettings settings) {
        // looked up once, on first use (the event store is built after the cache): ObjectProvider.getObject()
        // searches the bean factory by type on every call, which showed in every command's profile
        return new VerifiedAggregateCache(new BoundedCache(settings.cachedAgreements()),
                SingletonSupplier.of(eventStore::getObject), VerifiedAggregateCache.modelOf(Agreement.class));
    }
}
