package org.sharedagreements.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The body limit is the first servlet filter, before Spring Security and before Spring Boot's own filters: a
 * declared length over the limit is refused before anyone could read a byte, and whatever reads a body later
 * (authenticated or on an open path) reads it through the limit.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestLimits.class)
public class BodyLimitConfiguration {

    @Bean
    public FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimit(RequestLimits limits, ObjectMapper objectMapper) {
        return firstFilter(limits, objectMapper);
    }

    static FilterRegistrationBean<BodySizeLimitFilter> firstFilter(RequestLimits limits, ObjectMapper objectMapper) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(limits.maxBodyBytes(), objectMapper));
        registration.setName("bodySizeLimit");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
