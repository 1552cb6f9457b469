package org.sharedagreements.app.roles;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The node's roles as a bean, logged once at start-up so an operator sees what each node runs. */
@Configuration(proxyBeanMethods = false)
public class RolesConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RolesConfiguration.class);

    @Bean
    public NodeRoles nodeRoles(Environment environment) {
        NodeRoles roles = NodeRoles.from(environment);
        log.info("This node runs the {} side{}", roles, roles.command() && roles.query() ? "s" : " only");
        return roles;
    }
}
