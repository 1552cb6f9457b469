package org.sharedagreements.app.storage;

import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded PostgreSQL of the local profile commits durably: an acknowledged command is on disk. */
class EmbeddedDatabaseTest extends ApiTest {

    @Test
    void commitsWaitForTheDisk() {
        assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
    }
}
