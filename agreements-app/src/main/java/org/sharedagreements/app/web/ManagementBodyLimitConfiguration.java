package org.sharedagreements.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The body limit on the management server ({@code management.server.port}) too. Spring Boot runs that server as a
 * child context which gets none of the application's filters, and the actuator reads a JSON body even on a GET:
 * without this, anyone who reaches the port could make it parse megabytes for an open Prometheus scrape or health
 * probe. Listed in {@code META-INF/spring/...ManagementContextConfiguration.imports}, kept out of the component scan.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
public class ManagementBodyLimitConfiguration {

    @Bean
    public FilterRegistrationBean<BodySizeLimitFilter> managementBodySizeLimit(RequestLimits limits,
                                                                               ObjectMapper objectMapper) {
        return BodyLimitConfiguration.firstFilter(limits, objectMapper);
    }
}
