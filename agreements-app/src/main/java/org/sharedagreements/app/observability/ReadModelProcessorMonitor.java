package org.sharedagreements.app.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.sharedagreements.query.projection.Projections;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.function.Function;

/**
 * The read-model processor's metrics: Axon's dimensional ones (latency, processing time, counts, tagged
 * {@code processorName}) except its capacity monitor. That one keeps every measurement of its window in memory,
 * and in a rebuild the processor handles some 17,000 events a second: about a million entries, a fifth of the
 * heap and a share of the CPU (found with the benchmark's heap histogram). Processor lag and replay progress
 * are also in {@link ProjectionMetrics}.
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelProcessorMonitor {

    private static final String PREFIX = "eventProcessor";

    @Bean
    public ConfigurerModule readModelProcessorMetrics(ObjectProvider<MeterRegistry> registry) {
        return configurer -> configurer.configureMessageMonitor(PooledStreamingEventProcessor.class,
                Projections.PROCESSOR, (configuration, componentType, componentName) -> monitor(
                        registry.getObject(), componentName));
    }

    static MessageMonitor<Message<?>> monitor(MeterRegistry registry, String processorName) {
        // the tag keys Axon gives the same meters of the other processors: one registry wants one set per name
        Function<Message<?>, Iterable<Tag>> processor = message -> Tags.of("processorName", processorName);
        Function<Message<?>, Iterable<Tag>> processorAndPayload = message -> Tags.of("processorName", processorName,
                "payloadType", message.getPayloadType().getSimpleName());
        List<MessageMonitor<? super EventMessage<?>>> monitors = List.of(
                MessageTimerMonitor.buildMonitor(PREFIX, registry, processorAndPayload),
                EventProcessorLatencyMonitor.builder().meterNamePrefix(PREFIX).meterRegistry(registry)
                        .tagsBuilder(processor).build(),
                MessageCountingMonitor.buildMonitor(PREFIX, registry, processorAndPayload));
        return new MultiMessageMonitor(monitors);
    }
}
