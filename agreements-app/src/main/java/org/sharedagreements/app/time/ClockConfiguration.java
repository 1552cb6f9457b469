package org.sharedagreements.app.time;

import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneOffset;

/**
 * The service's one clock, ticking in milliseconds: the hash chain covers event timestamps written with
 * milliseconds, so a stored timestamp never carries digits the chain does not cover. The aggregate decides with
 * it (a {@code Clock} handler parameter), and Axon stamps events with it: Axon 4 takes an event's timestamp from
 * its static {@link GenericEventMessage#clock}, which is pointed at this bean here and nowhere else, so the times
 * the aggregate decides with are the times its events carry. With {@code agreements.demo} the clock is the demo
 * seeder's instead, which can stand still at a date in the past.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    @Bean
    @ConditionalOnProperty(name = "agreements.demo", havingValue = "false", matchIfMissing = true)
    public static Clock clock() {
        return Clock.tickMillis(ZoneOffset.UTC);
    }

    @Autowired
    public void stampEventsWith(Clock clock) {
        GenericEventMessage.clock = clock;
    }
}
