package org.sharedagreements.app.cluster;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;
import org.sharedagreements.query.timeline.TimelineAppended;
import org.sharedagreements.query.timeline.TimelineSignals;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Timeline signals cross nodes through PostgreSQL: what this node projects is announced on the channel (another
 * node LISTENing hears it), and what another node announces reaches this node's live streams.
 */
class TimelineNotifyBridgeTest extends ApiTest {

    @Autowired
    private DataSource dataSource;

    @Autowired
    private TimelineSignals signals;

    @Test
    void thisNodesTimelineSignalsAreAnnouncedToOtherNodes() throws Exception {
        try (Connection otherNode = dataSource.getConnection()) {
            try (Statement listen = otherNode.createStatement()) {
                listen.execute("LISTEN " + TimelineNotifyBridge.CHANNEL);
            }
            Couple couple = Couple.formed(api, "nb-ann", "nb-bo");
            PGConnection postgres = otherNode.unwrap(PGConnection.class);
            List<String> heard = new ArrayList<>();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                PGNotification[] notifications = postgres.getNotifications(200);
                if (notifications != null) {
                    for (PGNotification notification : notifications) {
                        heard.add(notification.getParameter());
                    }
                }
                return String.join("\n", heard).contains(couple.agreementId);
            });
        }
    }

    @Test
    void anotherNodesSignalsReachThisNodesListeners() throws Exception {
        List<TimelineAppended> received = new CopyOnWriteArrayList<>();
        var subscription = signals.subscribe(received::add);
        String agreement = UUID.randomUUID().toString();
        try (Connection otherNode = dataSource.getConnection(); Statement notify = otherNode.createStatement()) {
            notify.execute("SELECT pg_notify('" + TimelineNotifyBridge.CHANNEL + "', 'another-node\n" + agreement + " 7')");
            await().atMost(Duration.ofSeconds(10)).until(() -> received.stream()
                    .anyMatch(signal -> signal.agreementId().toString().equals(agreement) && signal.sequence() == 7));
        } finally {
            subscription.cancel();
        }
        assertThat(received).filteredOn(signal -> signal.agreementId().toString().equals(agreement)).hasSize(1);
    }
}
