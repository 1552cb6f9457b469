package org.sharedagreements.app.cluster;

import org.sharedagreements.query.timeline.TimelineSignals;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/** The LISTEN/NOTIFY bridge, on nodes that run the read side (where {@link TimelineSignals} exists). */
@Configuration(proxyBeanMethods = false)
public class ClusterConfiguration {

    @Bean
    public TimelineNotifyBridge timelineNotifyBridge(DataSource dataSource, ObjectProvider<TimelineSignals> signals) {
        TimelineSignals local = signals.getIfAvailable();
        return local == null ? null : new TimelineNotifyBridge(dataSource, local);
    }
}
