package org.sharedagreements.query.projection;

import org.junit.jupiter.api.Test;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.query.support.ReadModelDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A projection batch's transaction commits without waiting for the disk; nothing else does. */
class ProjectionProgressTest {

    @Test
    void aBatchsTransactionCommitsAsynchronouslyAndOnlyThatTransaction() {
        JdbcTemplate jdbc = ReadModelDatabase.emptied();
        ProjectionProgress progress = new ProjectionProgress(jdbc);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        AgreementId agreementId = AgreementId.random();

        String inTheBatch = transaction.execute(status -> {
            progress.advanceAll(Projections.TIMELINE, Map.of(agreementId, 4L));
            return jdbc.queryForObject("SELECT current_setting('synchronous_commit')", String.class);
        });
        String afterwards = transaction.execute(status ->
                jdbc.queryForObject("SELECT current_setting('synchronous_commit')", String.class));

        assertThat(inTheBatch).isEqualTo("off");
        assertThat(afterwards).isEqualTo("on");
        assertThat(progress.lastApplied(Projections.TIMELINE, agreementId)).isEqualTo(4);
    }
}
