package org.sharedagreements.app.roles;

import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;

/**
 * Leaves the side a node does not run out of the component scan: without {@code command}, the write side
 * ({@code org.sharedagreements.command..}: the Agreement aggregate, its command handlers and endpoints, and the
 * command gateway wiring of {@code app.commandbus}); without {@code query}, the read side
 * ({@code org.sharedagreements.query..}: projections, their processors and dead-letter queues, query endpoints).
 * Axon finds aggregates and event handlers among the Spring beans, so what is not scanned is not registered.
 * Shared infrastructure (security, the content cipher and event serializer, Flyway, storage) is outside both
 * packages and stays on every node; so does the {@code Idempotency-Key} filter, which has nothing to do where the
 * write side (and with it the keys' records) is absent.
 */
public class RoleScanFilter implements TypeFilter, EnvironmentAware {

    private static final String WRITE_SIDE = "org.sharedagreements.command.";
    private static final String WRITE_SIDE_WIRING = "org.sharedagreements.app.commandbus.";
    private static final String READ_SIDE = "org.sharedagreements.query.";

    private NodeRoles roles = NodeRoles.BOTH;

    @Override
    public void setEnvironment(Environment environment) {
        roles = NodeRoles.from(environment);
        // the scan is the earliest point this application class controls: settings that auto-configuration's
        // conditions read must be in place now (RoleDefaults is also an EnvironmentPostProcessor; applying twice
        // changes nothing)
        if (environment instanceof ConfigurableEnvironment configurable) {
            RoleDefaults.apply(configurable);
        }
    }

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
        String type = reader.getClassMetadata().getClassName();
        if (!roles.command() && (type.startsWith(WRITE_SIDE) || type.startsWith(WRITE_SIDE_WIRING))) {
            return true;
        }
        return !roles.query() && type.startsWith(READ_SIDE);
    }
}
