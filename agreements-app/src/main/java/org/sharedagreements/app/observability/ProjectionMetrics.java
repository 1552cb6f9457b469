package org.sharedagreements.app.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.sharedagreements.query.admin.ProjectionAdministration;
import org.sharedagreements.query.admin.ProjectionStatus;
import org.sharedagreements.query.projection.Projections;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.ToDoubleFunction;

/**
 * Replay and catch-up progress of every projection as gauges ({@code agreements.projection.progress} in percent,
 * {@code .replaying} 0/1, {@code .dead.letters}), on nodes that run the read side; the same figures as
 * {@code GET /api/admin/projections}.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionMetrics {

    @Bean
    public MeterBinder projectionGauges(ObjectProvider<ProjectionAdministration> administration) {
        return registry -> {
            ProjectionAdministration projections = administration.getIfAvailable();
            if (projections == null) {
                return;
            }
            for (String name : Projections.ALL) {
                gauge(registry, projections, name, "agreements.projection.progress", ProjectionStatus::progressPercent);
                gauge(registry, projections, name, "agreements.projection.replaying", s -> s.replaying() ? 1 : 0);
                gauge(registry, projections, name, "agreements.projection.dead.letters", s -> s.deadLetters());
            }
        };
    }

    private static void gauge(MeterRegistry registry, ProjectionAdministration projections, String name, String meter,
                              ToDoubleFunction<ProjectionStatus> value) {
        Gauge.builder(meter, projections, p -> p.status(name).map(value::applyAsDouble).orElse(Double.NaN))
                .tag("projection", name).register(registry);
    }
}
