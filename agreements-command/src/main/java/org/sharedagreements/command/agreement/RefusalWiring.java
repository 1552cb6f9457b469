package org.sharedagreements.command.agreement;

import org.axonframework.commandhandling.SimpleCommandBus;
import org.sharedagreements.command.CommandSide;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the {@link RefusalInterceptor} on the command bus that runs the handlers (the {@link SimpleCommandBus},
 * which a distributed bus keeps as its local segment) as soon as that bus exists, so it is the outermost of our
 * handler interceptors: the ones registered later (idempotency, command metrics) still see the aggregate's own
 * exception, and only what leaves the handling node is translated. Registering it as an interceptor bean would
 * leave its place among the others to bean-creation order.
 */
@CommandSide
@Configuration(proxyBeanMethods = false)
public class RefusalWiring {

    @Bean
    static BeanPostProcessor refusalsOnTheCommandBus() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof SimpleCommandBus commandBus) {
                    commandBus.registerHandlerInterceptor(new RefusalInterceptor());
                }
                return bean;
            }
        };
    }
}
