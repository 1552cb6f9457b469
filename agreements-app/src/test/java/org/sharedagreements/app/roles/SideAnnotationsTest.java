package org.sharedagreements.app.roles;

import org.junit.jupiter.api.Test;
import org.sharedagreements.command.CommandSide;
import org.sharedagreements.query.QuerySide;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @CommandSide} and {@code @QuerySide} read {@code agreements.roles} as {@link NodeRoles} does. */
class SideAnnotationsTest {

    @CommandSide
    @Configuration(proxyBeanMethods = false)
    static class WriteSide {
    }

    @QuerySide
    @Configuration(proxyBeanMethods = false)
    static class ReadSide {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(WriteSide.class, ReadSide.class);

    @Test
    void unsetOrBlankRunsBothSides() {
        runner.run(context -> assertThat(context).hasSingleBean(WriteSide.class).hasSingleBean(ReadSide.class));
        runner.withPropertyValues("agreements.roles= ").run(context ->
                assertThat(context).hasSingleBean(WriteSide.class).hasSingleBean(ReadSide.class));
        runner.withPropertyValues("agreements.roles= Query , COMMAND ").run(context ->
                assertThat(context).hasSingleBean(WriteSide.class).hasSingleBean(ReadSide.class));
    }

    @Test
    void oneRoleRunsOneSide() {
        runner.withPropertyValues("agreements.roles=command").run(context ->
                assertThat(context).hasSingleBean(WriteSide.class).doesNotHaveBean(ReadSide.class));
        runner.withPropertyValues("agreements.roles=query").run(context ->
                assertThat(context).hasSingleBean(ReadSide.class).doesNotHaveBean(WriteSide.class));
    }
}
