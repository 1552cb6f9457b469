package org.sharedagreements.app;

import org.sharedagreements.app.crypto.KeysTool;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The one runnable jar: by default both sides in one process, on the embedded PostgreSQL (profile {@code local}).
 * {@code @SpringBootApplication} spelled out, so that management context configurations are left to the management
 * server's own context. Which side a node runs ({@code agreements.roles}) each class says itself
 * ({@code @CommandSide}, {@code @QuerySide}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = "org.sharedagreements", excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = ManagementContextConfiguration.class)})
@EnableScheduling
public class AgreementsApplication {

    /** {@code keys ...} runs the offline master keyset tool ({@link KeysTool}) instead of the service. */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("keys")) {
            System.exit(KeysTool.run(args, System.in, System.out, System.err));
        }
        SpringApplication.run(AgreementsApplication.class, args);
    }
}
