package org.sharedagreements.web.session;

import org.sharedagreements.query.QuerySide;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/** Lets page handlers take the {@link SignedInPerson} as a parameter. */
@QuerySide
@Configuration(proxyBeanMethods = false)
public class WebPagesConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new SignedInPersonArgument());
    }
}
