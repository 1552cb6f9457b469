package org.sharedagreements.query.integrity;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;

/** Reads an agreement's events exactly as stored in Axon's event table, with the hash the database stored with each. */
@Repository
public class EventChainStore {

    private final JdbcTemplate jdbc;

    public EventChainStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<StoredEvent> events(String agreementId) {
        return jdbc.query("SELECT sequence_number, payload_type, time_stamp, payload, hash FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? ORDER BY sequence_number",
                (rs, n) -> new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4),
                        rs.getString(5)), agreementId);
    }

    public Verification verify(String agreementId) {
        return ChainVerifier.verify(agreementId, events(agreementId));
    }
}
