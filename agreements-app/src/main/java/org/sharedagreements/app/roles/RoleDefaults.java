package org.sharedagreements.app.roles;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of db-scheduler (which delivers review deadlines) that follow from the node's roles and must be known
 * before auto-configuration decides; each applies only where it is not set explicitly.
 * <ul>
 *   <li>A node without the command role does not run db-scheduler ({@code db-scheduler.enabled=false}): review
 *   deadlines go to the Agreement aggregate, which only command nodes have. A query node polling
 *   {@code scheduled_tasks} would take a due review, find nothing to hand it to, and the boundary would not fall
 *   due on time. Without db-scheduler, Axon configures no deadline manager there.</li>
 *   <li>A command node starts db-scheduler once the application context is ready
 *   ({@code db-scheduler.delay-startup-until-context-ready=true}). Started at once (db-scheduler's default), it
 *   polls while the context is still being built: a review that fell due while the service was down is picked
 *   before Axon's deadline manager bean exists, its execution fails, and db-scheduler retries it only minutes
 *   later.</li>
 * </ul>
 * Registered as an {@code EnvironmentPostProcessor} in {@code META-INF/spring.factories}.
 */
public class RoleDefaults implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "agreementsRoleDefaults";
    static final String DB_SCHEDULER_ENABLED = "db-scheduler.enabled";
    static final String DB_SCHEDULER_DELAYED_START = "db-scheduler.delay-startup-until-context-ready";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        apply(environment);
    }

    static void apply(ConfigurableEnvironment environment) {
        if (environment.getPropertySources().contains(SOURCE)) {
            return;
        }
        NodeRoles roles = NodeRoles.from(environment);
        Map<String, Object> defaults = new LinkedHashMap<>();
        if (!roles.command()) {
            defaults.put(DB_SCHEDULER_ENABLED, "false");
        }
        defaults.put(DB_SCHEDULER_DELAYED_START, "true");
        defaults.keySet().removeIf(name -> environment.getProperty(name) != null);
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
