package org.sharedagreements.app.crypto;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.sharedagreements.app.config.LocalSecretFile;
import org.sharedagreements.sealing.BlindIndex;
import org.sharedagreements.sealing.CheckpointSigner;
import org.sharedagreements.sealing.CheckpointVerifier;
import org.sharedagreements.sealing.MasterKeyring;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

import javax.sql.DataSource;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Wires encryption at rest: the master keyring from {@code agreements.crypto.master-key} (the local profile
 * generates one under {@code ./data}; {@code prod} refuses to start without it), the data key store with its
 * erasure notifications, the operator's rewrap, and the event
 * serializer: Jackson like everything else, on a copy of Spring's ObjectMapper that seals and opens content.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CryptoSettings.class)
public class CryptoConfiguration {

    /**
     * The master keyring: the setting (a Tink JSON keyset, or base64 of 32 bytes as before keysets), else in the
     * local profile its file under {@code ./data}, created as a keyset on the first start; a file written by an
     * older run (base64 of 32 bytes) is read as it is, so its data keys still open.
     */
    @Bean
    public MasterKeyring masterKeyring(CryptoSettings settings, Environment environment) {
        if (StringUtils.hasText(settings.masterKey())) {
            return MasterKey.fromSetting(settings.masterKey());
        }
        if (environment.acceptsProfiles(Profiles.of("local")) && settings.localMasterKeyFile() != null) {
            return MasterKey.fromSetting(LocalSecretFile.readOrCreate(settings.localMasterKeyFile(),
                    () -> MasterKeyring.generate().toKeysetJson(), "local master key"));
        }
        throw new IllegalStateException("no master key: set AGREEMENTS_CRYPTO_MASTER_KEY "
                + "(a Tink JSON keyset: java -jar agreements-app.jar keys generate)");
    }

    /**
     * The blind index that finds rows by user id: its key from the setting, else in the local profile from its file
     * under {@code ./data}, created on the first start. Never from the database.
     */
    @Bean
    public BlindIndex blindIndex(CryptoSettings settings, Environment environment) {
        return BlindIndex.fromBase64Key(secret(settings.blindIndexKey(), settings.localBlindIndexKeyFile(),
                BlindIndex::generateKeyBase64, "blind-index key", "AGREEMENTS_CRYPTO_BLIND_INDEX_KEY", environment));
    }

    /** The signer of checkpoints of each agreement's head hash; its key found as the blind index's is. */
    @Bean
    public CheckpointSigner checkpointSigner(CryptoSettings settings, Environment environment) {
        return CheckpointSigner.fromBase64(secret(settings.checkpointSigningKey(),
                settings.localCheckpointSigningKeyFile(), CheckpointSigner::generateSeedBase64,
                "checkpoint signing key", "AGREEMENTS_CRYPTO_CHECKPOINT_SIGNING_KEY", environment));
    }

    /** What verification checks checkpoints with: the signer's public key (nothing secret). */
    @Bean
    public CheckpointVerifier checkpointVerifier(CheckpointSigner signer) {
        return signer.verifier();
    }

    private static String secret(String setting, Path localFile, Supplier<String> generator,
                                 String what, String variable, Environment environment) {
        if (StringUtils.hasText(setting)) {
            return setting.trim();
        }
        if (environment.acceptsProfiles(Profiles.of("local")) && localFile != null) {
            return LocalSecretFile.readOrCreate(localFile, generator, "local " + what);
        }
        throw new IllegalStateException("no " + what + ": set " + variable);
    }

    /** Hears other nodes' erasures, so cached data keys are forgotten on every node within a second. */
    @Bean(destroyMethod = "close")
    public ErasureNotifications erasureNotifications(DataSource dataSource) {
        return new ErasureNotifications(dataSource, Clock.systemUTC());
    }

    @Bean
    public DataKeyStore dataKeyStore(JdbcTemplate jdbc, MasterKeyring masterKeyring,
                                     ErasureNotifications notifications) {
        DataKeyStore store = new DataKeyStore(jdbc, masterKeyring, Clock.systemUTC(), notifications);
        notifications.start();
        return store;
    }

    @Bean
    public MasterKeyRewrap masterKeyRewrap(DataKeyStore keys, PlatformTransactionManager transactionManager) {
        return new MasterKeyRewrap(keys, new TransactionTemplate(transactionManager));
    }

    @Bean
    public ContentCipher contentCipher(DataKeyStore keys) {
        return new ContentCipher(keys);
    }

    /** Axon serializes events (and snapshots) with this; the content of an event never reaches storage in the clear. */
    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(ObjectMapper objectMapper, ContentCipher cipher) {
        ObjectMapper eventMapper = objectMapper.copy().registerModule(new ConfidentialContentModule(cipher));
        // stored events were written by this serializer: checking them for repeated fields (which requests are
        // checked for) only costs time on every load and replay
        eventMapper.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return JacksonSerializer.builder().objectMapper(eventMapper).build();
    }

}
