package org.sharedagreements.app.crypto;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.sealing.DataKey;
import org.sharedagreements.sealing.MasterKeyring;
import org.sharedagreements.sealing.SealingException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Master key rotation: rewrapping moves every live data key (also rows wrapped before versions existed) under the
 * new primary and their content still opens; once the old version is destroyed, a backup's copy of a wrapped key
 * opens nothing. The endpoint is the operators' alone.
 */
class MasterKeyRotationTest extends ApiTest {

    private static final byte[] CONTENT = "what they wrote".getBytes(StandardCharsets.UTF_8);
    private final List<UUID> rows = new ArrayList<>();

    @Autowired
    private PlatformTransactionManager transactionManager;
    @Autowired
    private MasterKeyring appKeyring;

    @AfterEach
    void removeRows() {
        rows.forEach(id -> jdbc.update("DELETE FROM agreement_data_key WHERE agreement_id = ?", id));
    }

    @Test
    void rewrapMovesEveryLiveKeyUnderTheNewPrimaryAndABackupUnderADestroyedVersionNoLongerOpens() {
        byte[] oldKey = new byte[32];
        new SecureRandom().nextBytes(oldKey);
        MasterKeyring before = MasterKey.fromSetting(java.util.Base64.getEncoder().encodeToString(oldKey));
        assertThat(before.primaryVersion()).isEqualTo(MasterKey.RAW_KEY_VERSION);
        // a row from before versions: raw AES-GCM under the single key, no version prefix, version column NULL
        UUID legacy = row();
        DataKey legacyKey = DataKey.generate();
        jdbc.update("INSERT INTO agreement_data_key (agreement_id, wrapped_key, created_at) VALUES (?, ?, ?)", legacy,
                Aead.encrypt(new SecretKeySpec(oldKey, "AES"), legacyKey.toSecretKey().getEncoded(),
                        ("agreement-data-key:" + legacy).getBytes(StandardCharsets.UTF_8)), Timestamp.from(Instant.now()));
        byte[] legacyContent = Aead.encrypt(legacyKey.toSecretKey(), CONTENT, new byte[0]);
        UUID versioned = row();
        DataKeyStore oldStore = new DataKeyStore(jdbc, before, Clock.systemUTC());
        byte[] versionedContent = Aead.encrypt(oldStore.keyForWriting(AgreementId.of(versioned.toString())), CONTENT,
                new byte[0]);
        assertThat(opened(oldStore, legacy, legacyContent)).as("the legacy path").isEqualTo(CONTENT);
        byte[] backupOfVersioned = wrapped(versioned);
        byte[] backupOfLegacy = wrapped(legacy);

        MasterKeyring rotated = before.rotate();
        DataKeyStore rotatedStore = new DataKeyStore(jdbc, rotated, Clock.systemUTC());
        MasterKeyRewrap rewrap = new MasterKeyRewrap(rotatedStore, new TransactionTemplate(transactionManager));
        MasterKeyRewrap.Outcome first = rewrap.rewrapAll();
        assertThat(first.primaryVersion()).isEqualTo(rotated.primaryVersion());
        assertThat(first.rewrapped()).isGreaterThanOrEqualTo(2);
        for (UUID id : List.of(legacy, versioned)) {
            assertThat(jdbc.queryForObject("SELECT master_key_version FROM agreement_data_key WHERE agreement_id = ?",
                    Integer.class, id)).isEqualTo(rotated.primaryVersion());
            assertThat(rotated.isUnderPrimary(wrapped(id))).isTrue();
        }
        assertThat(rewrap.rewrapAll().rewrapped()).as("idempotent").isZero();

        MasterKeyring destroyed = rotated.withoutVersion(MasterKey.RAW_KEY_VERSION);
        DataKeyStore afterStore = new DataKeyStore(jdbc, destroyed, Clock.systemUTC());
        assertThat(opened(afterStore, legacy, legacyContent)).as("old content opens").isEqualTo(CONTENT);
        assertThat(opened(afterStore, versioned, versionedContent)).isEqualTo(CONTENT);

        // the agreement is erased; then someone restores the backup taken before the rotation
        afterStore.destroy(AgreementId.of(versioned.toString()));
        afterStore.destroy(AgreementId.of(legacy.toString()));
        restore(versioned, backupOfVersioned, MasterKey.RAW_KEY_VERSION);
        restore(legacy, backupOfLegacy, null);
        assertThat(opened(new DataKeyStore(jdbc, rotated, Clock.systemUTC()), versioned, versionedContent))
                .as("before destroying the old version the backup still opened").isEqualTo(CONTENT);
        DataKeyStore restoredStore = new DataKeyStore(jdbc, destroyed, Clock.systemUTC());
        assertThatThrownBy(() -> restoredStore.keyForReading(AgreementId.of(versioned.toString())))
                .isInstanceOf(SealingException.class)
                .satisfies(e -> assertThat(((SealingException) e).reason())
                        .isEqualTo(SealingException.Reason.UNKNOWN_KEY_VERSION));
        assertThatThrownBy(() -> restoredStore.keyForReading(AgreementId.of(legacy.toString())))
                .isInstanceOf(SealingException.class);
    }

    @Test
    void anErasureDuringTheRewrapWinsAndItsKeyStaysDestroyed() throws Exception {
        MasterKeyring before = MasterKeyring.generate();
        UUID id = row();
        AgreementId agreement = AgreementId.of(id.toString());
        new DataKeyStore(jdbc, before, Clock.systemUTC()).keyForWriting(agreement);
        DataKeyStore rotatedStore = new DataKeyStore(jdbc, before.rotate(), Clock.systemUTC());
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        CountDownLatch erasedNotCommitted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> erasure = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            rotatedStore.destroy(agreement);
            erasedNotCommitted.countDown();
            try {
                commit.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(erasedNotCommitted.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<MasterKeyRewrap.Outcome> rewrap = CompletableFuture.supplyAsync(() ->
                new MasterKeyRewrap(rotatedStore, transactions).rewrapAll());
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !rewrap.isDone());
        commit.countDown();
        erasure.get(10, TimeUnit.SECONDS);
        rewrap.get(10, TimeUnit.SECONDS);
        assertThat(wrapped(id)).as("never brought back").isNull();
    }

    @Test
    void theEndpointLeavesEveryLiveKeyOfTheServiceUnderItsPrimaryAndIsIdempotent() {
        Couple couple = Couple.formed(api, unique("ada"), unique("ben"));
        Api.Caller operator = api.as(unique("ops"), "operator");
        Api.Response first = operator.post("/api/admin/master-key/rewrap");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.body().fieldNames()).toIterable().contains("primaryVersion", "rewrapped",
                "alreadyUnderPrimary", "erased", "notUnderPrimary");
        assertThat(first.body().path("primaryVersion").asInt()).isEqualTo(appKeyring.primaryVersion());
        assertThat(first.text()).doesNotContain(couple.agreementId);
        Api.Response second = operator.post("/api/admin/master-key/rewrap", java.util.Map.of("ignored", true));
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.body().path("rewrapped").asLong()).isZero();
        assertThat(second.body().path("alreadyUnderPrimary").asLong()).isPositive();
        Integer version = jdbc.queryForObject("SELECT master_key_version FROM agreement_data_key "
                + "WHERE agreement_id = ?::uuid", Integer.class, couple.agreementId);
        assertThat(version).isEqualTo(appKeyring.primaryVersion());
    }

    @Test
    void everyoneButOperatorsIsForbiddenAndCallersWithoutAValidTokenUnauthorised() {
        Couple couple = Couple.formed(api, unique("ada"), unique("ben"));
        assertProblem(couple.first.post("/api/admin/master-key/rewrap"), 403);
        assertProblem(api.as(unique("stranger")).post("/api/admin/master-key/rewrap"), 403);
        assertProblem(api.as(unique("carol"), "counsellor").post("/api/admin/master-key/rewrap"), 403);
        assertProblem(api.as(unique("aud"), "auditor").post("/api/admin/master-key/rewrap", java.util.Map.of("a", 1)),
                403);
        assertProblem(api.anonymous().post("/api/admin/master-key/rewrap"), 401);
        String expired = Api.token(unique("ops"), List.of("operator"), Instant.now().minusSeconds(3600), SECRET);
        assertProblem(api.withToken(expired).post("/api/admin/master-key/rewrap"), 401);
        assertProblem(api.as(unique("ops"), "operator").get("/api/admin/master-key/rewrap"), 405);
    }

    private UUID row() {
        UUID id = UUID.randomUUID();
        rows.add(id);
        return id;
    }

    private byte[] wrapped(UUID id) {
        return jdbc.queryForObject("SELECT wrapped_key FROM agreement_data_key WHERE agreement_id = ?", byte[].class, id);
    }

    private void restore(UUID id, byte[] wrapped, Integer version) {
        jdbc.update("UPDATE agreement_data_key SET wrapped_key = ?, master_key_version = ?, erased_at = NULL "
                + "WHERE agreement_id = ?", wrapped, version, id);
    }

    private static byte[] opened(DataKeyStore store, UUID id, byte[] content) {
        SecretKey key = store.keyForReading(AgreementId.of(id.toString())).orElseThrow();
        return Aead.decrypt(key, content, new byte[0]);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }
}
