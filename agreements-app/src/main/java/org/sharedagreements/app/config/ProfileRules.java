package org.sharedagreements.app.config;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

/**
 * What each profile needs before anything starts. {@code local} (embedded PostgreSQL, {@code /dev/tokens},
 * secrets under {@code ./data}) runs only when no database is configured anywhere, and gets its defaults. Every
 * other profile is a production start: it needs a database, a JWT setting and the master key.
 */
public final class ProfileRules {

    static final String LOCAL = "local";

    private ProfileRules() {
    }

    public static boolean isLocal(ConfigurableEnvironment environment) {
        return environment.acceptsProfiles(Profiles.of(LOCAL));
    }

    /** Applies the rules of the profile the environment runs; repeating it changes nothing. */
    public static void enforce(ConfigurableEnvironment environment) {
        if (isLocal(environment)) {
            enforceLocal(environment);
        } else {
            requireProductionSettings(environment);
        }
    }

    static void enforceLocal(ConfigurableEnvironment environment) {
        DatasourceSetting.configured(environment).ifPresent(setting -> {
            throw new LocalProfileRefused(setting);
        });
        LocalDefaults.addTo(environment);
    }

    private static void requireProductionSettings(ConfigurableEnvironment environment) {
        String profile = "profile " + String.join(",", environment.getActiveProfiles().length > 0
                ? environment.getActiveProfiles() : environment.getDefaultProfiles());
        if (!DatasourceSetting.isConfigured(environment)) {
            throw new MissingProductionSetting(profile
                    + " needs a PostgreSQL database: set SPRING_DATASOURCE_URL (and _USERNAME, _PASSWORD)");
        }
        boolean hmac = StringUtils.hasText(environment.getProperty("agreements.security.jwt.hmac-secret"));
        boolean oidc = StringUtils.hasText(environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
                || StringUtils.hasText(environment.getProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri"));
        if (!hmac && !oidc) {
            throw new MissingProductionSetting(profile + " needs a JWT setting: set AGREEMENTS_SECURITY_JWT_HMAC_SECRET"
                    + " or spring.security.oauth2.resourceserver.jwt.issuer-uri (or jwk-set-uri)");
        }
        if (!StringUtils.hasText(environment.getProperty("agreements.crypto.master-key"))) {
            throw new MissingProductionSetting(profile + " needs the master key that protects agreement content: "
                    + "set AGREEMENTS_CRYPTO_MASTER_KEY (a Tink JSON keyset: java -jar agreements-app.jar keys generate)");
        }
        if (!StringUtils.hasText(environment.getProperty("agreements.crypto.blind-index-key"))) {
            throw new MissingProductionSetting(profile + " needs the key of the blind indexes that find rows by user id: "
                    + "set AGREEMENTS_CRYPTO_BLIND_INDEX_KEY (base64 of 32 random bytes: openssl rand -base64 32)");
        }
        if (!StringUtils.hasText(environment.getProperty("agreements.crypto.checkpoint-signing-key"))) {
            throw new MissingProductionSetting(profile + " needs the key that signs checkpoints of the hash chain: "
                    + "set AGREEMENTS_CRYPTO_CHECKPOINT_SIGNING_KEY (base64 of a 32-byte Ed25519 seed: "
                    + "openssl rand -base64 32)");
        }
    }
}
