package org.sharedagreements.command.web;

import jakarta.validation.Validator;
import org.sharedagreements.command.CommandSide;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/** Registers what command requests are read with: {@link ExpectedVersion} from If-Match, strict JSON types. */
@CommandSide
@Configuration(proxyBeanMethods = false)
public class CommandWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ExpectedVersion.Resolver());
    }

    @Bean
    public StrictRequestJson strictRequestJson(Validator validator) {
        return new StrictRequestJson(validator);
    }
}
