package org.sharedagreements.app.web;

import org.apache.catalina.Container;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat as we need it: the errors it answers on its own are problem+json too (see {@link ProblemErrorReportValve}),
 * and it parses no form body larger than the body limit.
 */
@Configuration(proxyBeanMethods = false)
public class TomcatConfiguration {

    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorPages() {
        return factory -> factory.addContextCustomizers(context -> {
            Container parent = context.getParent();
            if (parent instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    /**
     * Tomcat reads a form body itself, from the raw stream past {@link BodySizeLimitFilter}, when anything asks a
     * request for its parameters; its own bound (2 MB by default, {@code server.tomcat.max-http-form-post-size})
     * becomes the body limit. Added after Spring Boot's customizer, so it wins over that setting.
     */
    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> formPostsWithinBodyLimit(RequestLimits limits) {
        return factory -> factory.addConnectorCustomizers(
                connector -> connector.setMaxPostSize((int) limits.maxBodyBytes()));
    }
}
