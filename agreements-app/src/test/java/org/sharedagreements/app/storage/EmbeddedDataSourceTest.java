package org.sharedagreements.app.storage;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local profile's pool takes its sizes and timeouts from {@code spring.datasource.hikari} but always connects to
 * the embedded server as its user, whatever else those settings name.
 */
class EmbeddedDataSourceTest {

    @Test
    void poolSettingsApplyButTheServerAndUserAreAlwaysTheEmbeddedOnes() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "spring.datasource.hikari.maximum-pool-size", "7",
                "spring.datasource.hikari.connection-timeout", "2500",
                "spring.datasource.hikari.jdbc-url", "jdbc:postgresql://db.internal:5432/agreements",
                "spring.datasource.hikari.username", "agreements",
                "spring.datasource.hikari.password", "production-password",
                "spring.datasource.hikari.data-source-class-name", "org.postgresql.ds.PGSimpleDataSource",
                "spring.datasource.hikari.data-source-jndi", "java:comp/env/jdbc/agreements")));

        try (HikariDataSource pool = EmbeddedPostgresConfiguration.pooledTo(
                "jdbc:postgresql://localhost:54321/postgres?user=postgres", environment)) {
            assertThat(pool.getMaximumPoolSize()).isEqualTo(7);
            assertThat(pool.getConnectionTimeout()).isEqualTo(2500);
            assertThat(pool.getJdbcUrl()).isEqualTo("jdbc:postgresql://localhost:54321/postgres?user=postgres");
            assertThat(pool.getUsername()).isEqualTo("postgres");
            assertThat(pool.getPassword()).isNull();
            assertThat(pool.getDataSourceClassName()).isNull();
            assertThat(pool.getDataSourceJNDI()).isNull();
        }
    }
}
