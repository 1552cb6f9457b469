package org.sharedagreements.app.cluster;

import org.axonframework.common.Registration;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.query.timeline.TimelineAppended;
import org.sharedagreements.query.timeline.TimelineSignals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Carries "timeline appended" signals between nodes through PostgreSQL {@code LISTEN/NOTIFY}, so a live stream
 * open on one query node hears about events that another node projected. Each node announces its own signals on
 * the channel (batched every {@value #ANNOUNCE_EVERY_MILLIS} ms, newest sequence per agreement) and relays what it hears from other nodes into its local {@link TimelineSignals}; its own
 * announcements come back to it and are ignored. Notifications sent while a node was not listening are lost, so
 * each time it starts listening (again) it tells its listeners to look at everything again
 * ({@link TimelineSignals#resynchronise}): streams and {@code minVersion} waits read the tables themselves.
 */
public class TimelineNotifyBridge implements InitializingBean, DisposableBean {

    static final String CHANNEL = "agreements_timeline";
    static final long ANNOUNCE_EVERY_MILLIS = 25;
    /** NOTIFY payloads are limited to 8000 bytes. */
    private static final int MAX_PAYLOAD_CHARS = 7000;
    private static final Logger log = LoggerFactory.getLogger(TimelineNotifyBridge.class);

    private final DataSource dataSource;
    private final TimelineSignals signals;
    private final String node = UUID.randomUUID().toString();
    private final ThreadLocal<Boolean> relaying = ThreadLocal.withInitial(() -> false);
    private final ConcurrentMap<String, Long> pending = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private Registration subscription;
    private Thread listener;
    private Thread announcer;

    public TimelineNotifyBridge(DataSource dataSource, TimelineSignals signals) {
        this.dataSource = dataSource;
        this.signals = signals;
    }

    @Override
    public void afterPropertiesSet() {
        subscription = signals.subscribe(this::announce);
        listener = new Thread(this::listen, "timeline-notify-listener");
        listener.setDaemon(true);
        listener.start();
        announcer = new Thread(this::announcePending, "timeline-notify-announcer");
        announcer.setDaemon(true);
        announcer.start();
    }

    /** Remembers the newest sequence per agreement; the announcer sends them in batches (a replay sends few). */
    private void announce(TimelineAppended signal) {
        if (relaying.get()) {
            return; // heard from another node: not ours to announce
        }
        pending.merge(signal.agreementId().toString(), signal.sequence(), Math::max);
    }

    private void announcePending() {
        while (running) {
            try {
                Thread.sleep(ANNOUNCE_EVERY_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            if (pending.isEmpty()) {
                continue;
            }
            StringBuilder payload = new StringBuilder(node);
            for (String agreement : pending.keySet()) {
                Long sequence = pending.remove(agreement);
                if (sequence == null) {
                    continue;
                }
                payload.append('\n').append(agreement).append(' ').append(sequence);
                if (payload.length() > MAX_PAYLOAD_CHARS) {
                    send(payload.toString());
                    payload = new StringBuilder(node);
                }
            }
            if (payload.length() > node.length()) {
                send(payload.toString());
            }
        }
    }

    private void send(String payload) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, payload);
            notify.execute();
        } catch (SQLException e) {
            log.debug("Could not announce timeline signals to other nodes: {}", e.toString());
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                // whatever other nodes announced while this node was not listening is lost: look at everything again
                signals.resynchronise();
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(500);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            relay(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.debug("Timeline notifications interrupted ({}); listening again", e.toString());
                    pauseBeforeRetry();
                }
            }
        }
    }

    private void relay(String payload) {
        String[] lines = payload.split("\n");
        if (lines.length < 2 || lines[0].equals(node)) {
            return;
        }
        relaying.set(true);
        try {
            for (int i = 1; i < lines.length; i++) {
                String[] parts = lines[i].split(" ");
                try {
                    signals.publish(new TimelineAppended(AgreementId.of(parts[0]), Long.parseLong(parts[1])));
                } catch (RuntimeException e) {
                    log.debug("Ignored a malformed timeline notification");
                }
            }
        } finally {
            relaying.set(false);
        }
    }

    private void pauseBeforeRetry() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void destroy() {
        running = false;
        if (subscription != null) {
            subscription.cancel();
        }
        if (listener != null) {
            listener.interrupt();
        }
        if (announcer != null) {
            announcer.interrupt();
        }
    }
}
