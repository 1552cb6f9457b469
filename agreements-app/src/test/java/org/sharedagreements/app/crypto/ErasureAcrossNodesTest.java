package org.sharedagreements.app.crypto;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.sealing.MasterKeyring;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes' key stores on one database: when one erases an agreement, the other refuses its key within a
 * second, although it had the key cached; and a node that cannot listen trusts its cache no longer than that.
 */
class ErasureAcrossNodesTest extends ApiTest {

    @Autowired
    private DataSource dataSource;
    @Autowired
    private MasterKeyring keyring;
    @Autowired
    private PlatformTransactionManager transactionManager;

    private final List<AutoCloseable> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() throws Exception {
        for (AutoCloseable node : nodes) {
            node.close();
        }
    }

    @Test
    void anErasureOnOneNodeEvictsTheKeyCachedOnAnotherWithinASecond() {
        DataKeyStore first = node();
        ErasureNotifications secondListener = listener();
        DataKeyStore second = new DataKeyStore(jdbc, keyring, Clock.systemUTC(), secondListener);
        secondListener.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> secondListener.listening(Instant.now()));
        AgreementId agreement = AgreementId.of(UUID.randomUUID().toString());
        first.keyForWriting(agreement);
        assertThat(second.keyForReading(agreement)).as("cached on the second node").isPresent();
        // the cached key is trusted for its 30 s while the listener listens: without a notification it stays
        jdbc.update("UPDATE agreement_data_key SET wrapped_key = NULL, erased_at = now() WHERE agreement_id = ?",
                agreement.value());
        assertThat(second.keyForReading(agreement)).as("served from the cache").isPresent();
        jdbc.update("UPDATE agreement_data_key SET wrapped_key = ?, erased_at = NULL WHERE agreement_id = ?",
                keyring.wrap(org.sharedagreements.sealing.DataKey.generate(), agreement.value()), agreement.value());

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> first.destroy(agreement));
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> second.keyForReading(agreement).isEmpty());
    }

    @Test
    void aNodeThatIsNotListeningTrustsItsCacheForASecondAtMost() {
        DataKeyStore first = node();
        DataKeyStore deaf = new DataKeyStore(jdbc, keyring, Clock.systemUTC());
        AgreementId agreement = AgreementId.of(UUID.randomUUID().toString());
        first.keyForWriting(agreement);
        assertThat(deaf.keyForReading(agreement)).isPresent();
        // an erasure whose notification this node never hears
        jdbc.update("UPDATE agreement_data_key SET wrapped_key = NULL, erased_at = now() WHERE agreement_id = ?",
                agreement.value());
        Instant erased = Instant.now();
        await().atMost(Duration.ofMillis(1500)).pollInterval(Duration.ofMillis(20))
                .until(() -> deaf.keyForReading(agreement).isEmpty());
        assertThat(Duration.between(erased, Instant.now())).isLessThanOrEqualTo(Duration.ofMillis(1100));
    }

    @Test
    void aStoppedListenerIsNoLongerTrusted() {
        ErasureNotifications listener = listener();
        new DataKeyStore(jdbc, keyring, Clock.systemUTC(), listener);
        listener.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.listening(Instant.now()));
        listener.close();
        assertThat(listener.listening(Instant.now())).isFalse();
    }

    private DataKeyStore node() {
        ErasureNotifications notifications = listener();
        DataKeyStore store = new DataKeyStore(jdbc, keyring, Clock.systemUTC(), notifications);
        notifications.start();
        return store;
    }

    private ErasureNotifications listener() {
        ErasureNotifications notifications = new ErasureNotifications(dataSource, Clock.systemUTC());
        nodes.add(notifications);
        return notifications;
    }
}
