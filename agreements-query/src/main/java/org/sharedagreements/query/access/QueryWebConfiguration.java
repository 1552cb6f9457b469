package org.sharedagreements.query.access;

import org.sharedagreements.query.QuerySide;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/** Lets query endpoints take the {@link Caller} as a parameter, admitted by the gate when {@link Gated}. */
@QuerySide
@Configuration(proxyBeanMethods = false)
public class QueryWebConfiguration implements WebMvcConfigurer {

    private final AgreementGate gate;

    public QueryWebConfiguration(@Lazy AgreementGate gate) {
        this.gate = gate;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerResolver(gate));
    }
}
