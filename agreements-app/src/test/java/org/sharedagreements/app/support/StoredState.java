package org.sharedagreements.app.support;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * An agreement's stored state row as the projection wrote it (its outline and its sealed whole document), to be
 * put back later: how a test stands in for a bad migration or a restored backup that leaves the state behind.
 */
public record StoredState(String agreementId, String document, String sealedDocument) {

    /** The row once the agreement's stored status is {@code status} (any status when null). */
    public static StoredState of(JdbcTemplate jdbc, String agreementId, String status) {
        String query = "SELECT document::text AS document, sealed_document FROM agreement_state "
                + "WHERE agreement_id = ?::uuid" + (status == null ? "" : " AND status = ?");
        Object[] arguments = status == null ? new Object[]{agreementId} : new Object[]{agreementId, status};
        await().atMost(Duration.ofSeconds(10)).until(() -> !jdbc.queryForList(query, arguments).isEmpty());
        List<Map<String, Object>> rows = jdbc.queryForList(query, arguments);
        return new StoredState(agreementId, (String) rows.get(0).get("document"),
                (String) rows.get(0).get("sealed_document"));
    }

    /** Writes this row back over whatever the projection stored since. */
    public void restore(JdbcTemplate jdbc) {
        jdbc.update("UPDATE agreement_state SET document = ?::json, sealed_document = ? WHERE agreement_id = ?::uuid",
                document, sealedDocument, agreementId);
    }
}
