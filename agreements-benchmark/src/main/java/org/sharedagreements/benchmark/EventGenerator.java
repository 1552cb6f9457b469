package org.sharedagreements.benchmark;

import org.sharedagreements.kernel.PrivateText;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.sharedagreements.app.crypto.ConfidentialContentModule;
import org.sharedagreements.app.crypto.ContentCipher;
import org.sharedagreements.app.crypto.DataKeyStore;
import org.sharedagreements.app.crypto.MasterKey;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.RedFlagId;
import org.sharedagreements.kernel.RedFlagIndicator;
import org.sharedagreements.kernel.membership.AgreementDrafted;
import org.sharedagreements.kernel.redflag.RedFlagRaised;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes stored events straight into Axon's event table, serialized exactly as the service serializes them
 * (Jackson, content sealed under each agreement's data key; the database's trigger chains them), so a rebuild
 * has a million real events to replay without a million commands first. Also the baseline of the rebuild:
 * reading the same events straight from the table with JDBC and deserializing them with Jackson.
 */
final class EventGenerator {

    private final DataSource dataSource;
    private final Serializer serializer;
    private final byte[] emptyMetaData;

    EventGenerator(DataSource dataSource, String masterKeyBase64) {
        this.dataSource = dataSource;
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        DataKeyStore keys = new DataKeyStore(new JdbcTemplate(dataSource), MasterKey.fromSetting(masterKeyBase64),
                Clock.systemUTC());
        mapper.registerModule(new ConfidentialContentModule(new ContentCipher(keys)));
        this.serializer = JacksonSerializer.builder().objectMapper(mapper).build();
        this.emptyMetaData = serializer.serialize(MetaData.emptyInstance(), byte[].class).getData();
    }

    /** One agreement drafted by {@code partner}, followed by {@code redFlags} raised red flags; answers its id. */
    String agreement(Connection connection, PartnerId partner, int redFlags) throws SQLException {
        AgreementId id = AgreementId.random();
        Instant at = Instant.now().minusSeconds(86_400L * 30);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry "
                + "(event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp, "
                + "aggregate_identifier, sequence_number, type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'Agreement')")) {
            add(insert, id, 0, at, new AgreementDrafted(id, partner, PrivateText.of("Benchmark agreement " + id)));
            for (int i = 1; i <= redFlags; i++) {
                add(insert, id, i, at.plusMillis(i * 1000L), new RedFlagRaised(id, partner, RedFlagId.random(),
                        RedFlagIndicator.values()[i % RedFlagIndicator.values().length],
                        PrivateText.of("Evenings felt distant this week, number " + i)));
                if (i % 500 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        return id.toString();
    }

    private void add(PreparedStatement insert, AgreementId id, long sequence, Instant at, Object event)
            throws SQLException {
        SerializedObject<byte[]> payload = serializer.serialize(event, byte[].class);
        insert.setString(1, UUID.randomUUID().toString());
        insert.setBytes(2, emptyMetaData);
        insert.setBytes(3, payload.getData());
        insert.setString(4, payload.getType().getRevision());
        insert.setString(5, payload.getType().getName());
        insert.setString(6, at.toString());
        insert.setString(7, id.toString());
        insert.setLong(8, sequence);
        insert.addBatch();
    }

    /** Reads every stored event with JDBC and deserializes it with Jackson (decrypting content); answers the count. */
    long readAndDeserializeAll() throws SQLException {
        long count = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(1000);
                try (ResultSet rows = statement.executeQuery(
                        "SELECT payload_type, payload_revision, payload FROM domain_event_entry ORDER BY global_index")) {
                    while (rows.next()) {
                        Object event = serializer.deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(
                                rows.getBytes(3), byte[].class, rows.getString(1), rows.getString(2)));
                        if (event != null) {
                            count++;
                        }
                    }
                }
            }
            connection.commit();
        }
        return count;
    }

}
