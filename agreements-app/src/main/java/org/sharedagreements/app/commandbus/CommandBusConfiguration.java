package org.sharedagreements.app.commandbus;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The command gateway, as Axon would build it, plus retries of concurrent appends (see {@link ConcurrencyRetryScheduler}). */
@Configuration(proxyBeanMethods = false)
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
}
