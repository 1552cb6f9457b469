package org.sharedagreements.app.crypto;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Tells every node that an agreement's data key was destroyed, through PostgreSQL {@code LISTEN/NOTIFY} on
 * {@value #CHANNEL} (the pattern of {@code TimelineNotifyBridge}, on a connection of its own, since data keys live
 * on every node and the timeline bridge only on query nodes). {@link #announce} issues {@code pg_notify} in the
 * caller's transaction, so PostgreSQL delivers it when the erasure commits and never for one rolled back.
 *
 * <p>The listener checks its connection every {@value #HEARTBEAT_MILLIS} ms. {@link #listening} is true only while it
 * has heard from the database within {@link #TRUST}: a node whose listener is down (or stalled) could miss an
 * erasure, so its key store then trusts no cached key longer than that. Each time it starts listening (again) it
 * tells its subscribers to forget everything, since notifications sent meanwhile are lost.
 */
public class ErasureNotifications implements AutoCloseable {

    static final String CHANNEL = "agreements_data_key_erased";
    static final long HEARTBEAT_MILLIS = 250;
    /** How long a silent listener is still believed: past it, caches trust nothing older than this either. */
    public static final Duration TRUST = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(ErasureNotifications.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final CopyOnWriteArrayList<Consumer<UUID>> erasedListeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Runnable> resetListeners = new CopyOnWriteArrayList<>();
    private volatile Instant lastHeard = Instant.MIN;
    private volatile boolean running = true;
    private final Thread listener;

    public ErasureNotifications(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.listener = new Thread(this::listen, "data-key-erasure-listener");
        this.listener.setDaemon(true);
    }

    /** Starts listening; call once subscribers are in place. */
    public ErasureNotifications start() {
        listener.start();
        return this;
    }

    /** {@code onErased} hears each destroyed key's agreement; {@code onReset} when notifications may have been lost. */
    void subscribe(Consumer<UUID> onErased, Runnable onReset) {
        erasedListeners.add(onErased);
        resetListeners.add(onReset);
    }

    /** Sends the erasure to every node, in {@code jdbc}'s current transaction (delivered on commit). */
    static void announce(JdbcTemplate jdbc, UUID agreementId) {
        jdbc.queryForList("SELECT pg_notify(?, ?)", CHANNEL, agreementId.toString());
    }

    /** Whether this node has heard from its listening connection within {@link #TRUST}. */
    boolean listening(Instant now) {
        return lastHeard.plus(TRUST).isAfter(now);
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                resetListeners.forEach(Runnable::run);
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    // a round trip proves the connection is alive and collects what arrived meanwhile
                    try (Statement heartbeat = connection.createStatement()) {
                        heartbeat.execute("SELECT 1");
                    }
                    Instant heard = clock.instant();
                    PGNotification[] notifications = postgres.getNotifications((int) HEARTBEAT_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            relay(notification.getParameter());
                        }
                    }
                    lastHeard = heard;
                }
            } catch (SQLException | RuntimeException e) {
                lastHeard = Instant.MIN;
                if (running) {
                    log.debug("Data key erasure notifications interrupted ({}); listening again", e.toString());
                    pause();
                }
            }
        }
    }

    private void relay(String payload) {
        UUID agreement;
        try {
            agreement = UUID.fromString(payload);
        } catch (IllegalArgumentException e) {
            log.debug("Ignored a malformed data key erasure notification");
            return;
        }
        erasedListeners.forEach(listener -> listener.accept(agreement));
    }

    private void pause() {
        try {
            Thread.sleep(TRUST.toMillis() / 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        lastHeard = Instant.MIN;
        listener.interrupt();
    }
}
