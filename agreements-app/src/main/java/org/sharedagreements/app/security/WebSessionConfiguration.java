package org.sharedagreements.app.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

import java.util.Map;

/** The web pages' sessions, as Spring Boot stores them in PostgreSQL (Spring Session JDBC, migration V31). */
@Configuration(proxyBeanMethods = false)
public class WebSessionConfiguration {

    /**
     * Sessions are not indexed by user id: {@code PRINCIPAL_NAME} stays empty, so the session table lists no one
     * (nothing here looks sessions up by person).
     */
    @Bean
    public SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionsIndexedByNoOne() {
        return repository -> repository.setIndexResolver(session -> Map.of());
    }
}
