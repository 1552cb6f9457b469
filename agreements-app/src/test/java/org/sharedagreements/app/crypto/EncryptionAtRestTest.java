package org.sharedagreements.app.crypto;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.sharedagreements.kernel.BoundaryCategory;
import org.sharedagreements.kernel.BoundaryTerms;
import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.ErasedPerson;
import org.sharedagreements.kernel.boundary.BoundaryProposed;
import org.sharedagreements.kernel.RedFlagIndicator;
import org.sharedagreements.kernel.membership.AgreementDrafted;
import org.sharedagreements.kernel.membership.PartnerInvited;
import org.sharedagreements.kernel.redflag.RedFlagRaised;
import org.springframework.beans.factory.annotation.Autowired;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Content is encrypted inside the stored event payloads; erasure destroys the agreement's data key, refuses
 * further commands, and leaves no plaintext of its content anywhere in the database.
 */
class EncryptionAtRestTest extends ApiTest {

    @Autowired
    private EventStore eventStore;

    @Test
    void contentIsEncryptedInTheEventStoreAndGoneFromTheWholeDatabaseAfterErasure() {
        String marker = "zq" + Long.toHexString(System.nanoTime());
        Api.Caller first = api.as("enc-ada");
        String id = first.post("/api/agreements", Map.of("title", "title-" + marker)).field("agreementId");
        Couple couple = Couple.joined(api, id, first, "enc-bo");
        Api.Response proposed = couple.first.post(couple.path("/boundaries"), Map.of("category", "FLIRTATION",
                "statement", "statement-" + marker, "measure", "measure-" + marker,
                "consequence", "consequence-" + marker));
        String boundary = proposed.field("boundaryId");
        assertThat(couple.second.post(couple.path("/boundaries/" + boundary + "/acceptances"),
                Map.of("boundaryVersion", 1)).status()).isEqualTo(200);
        assertThat(couple.first.post(couple.path("/breaches"), Map.of("boundaryId", boundary, "breachedBy", "enc-bo",
                "description", "description-" + marker,
                "occurredAt", Instant.now().minus(1, ChronoUnit.DAYS).toString())).status()).isEqualTo(201);
        assertThat(couple.second.post(couple.path("/red-flags"), Map.of("indicator", "RESENTMENT",
                "note", "note-" + marker)).status()).isEqualTo(201);

        String payloads = String.join("\n", jdbc.queryForList(
                "SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ?",
                String.class, id));
        assertThat(payloads).doesNotContain(marker).doesNotContain("FLIRTATION").doesNotContain("RESENTMENT")
                .as("user ids are sealed too").doesNotContain("enc-ada").doesNotContain("enc-bo")
                .contains("\"s1:").contains("\"p1:");
        PartnerInvited invited = storedPayload(id, PartnerInvited.class);
        assertThat(invited.actor().value()).as("read back in the clear").isEqualTo("enc-ada");
        assertThat(invited.partnerId().value()).isEqualTo("enc-bo");
        assertThat(storedPayload(id, RedFlagRaised.class).indicator()).isEqualTo(RedFlagIndicator.RESENTMENT);
        assertThat(wrappedKey(id)).isNotNull();
        assertThat(storedPayload(id, AgreementDrafted.class).title().value()).as("read back in the clear").isEqualTo("title-" + marker);
        assertThat(storedPayload(id, BoundaryProposed.class).terms().category()).isEqualTo(BoundaryCategory.FLIRTATION);

        Api.Response erased = couple.second.post(couple.path("/erasure"));
        assertThat(erased.status()).isEqualTo(200);
        assertThat(wrappedKey(id)).as("the data key is destroyed").isNull();
        assertThat(storedPayload(id, AgreementDrafted.class).title().value()).isEqualTo(Confidential.ERASED);
        BoundaryTerms terms = storedPayload(id, BoundaryProposed.class).terms();
        assertThat(terms.category()).isNull();
        assertThat(List.of(terms.statement(), terms.measure(), terms.consequence())).containsOnly(Confidential.ERASED);
        assertThat(storedPayload(id, BoundaryProposed.class).boundaryVersion()).as("structure stays").isEqualTo(1);
        PartnerInvited invitedAfterwards = storedPayload(id, PartnerInvited.class);
        assertThat(List.of(invitedAfterwards.actor().value(), invitedAfterwards.partnerId().value()))
                .as("nothing opens to a user id any more").allMatch(ErasedPerson::is)
                .doesNotHaveDuplicates().noneMatch(person -> person.contains("enc-"));
        assertThat(storedPayload(id, RedFlagRaised.class).indicator()).isNull();
        Api.Response afterwards = couple.first.post(couple.path("/red-flags"), Map.of("indicator", "STRESS"));
        assertThat(afterwards.status()).as("an erased agreement knows nobody: its partners get a stranger's 404")
                .isEqualTo(404);

        String dump = databaseDump();
        for (String field : List.of("title", "statement", "measure", "consequence", "description", "note")) {
            String plaintext = field + "-" + marker;
            assertThat(dump).as(field).doesNotContain(plaintext)
                    .doesNotContain(HexFormat.of().formatHex(plaintext.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private <T> T storedPayload(String agreementId, Class<T> type) {
        return eventStore.readEvents(agreementId).asStream().map(DomainEventMessage::getPayload)
                .filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    private byte[] wrappedKey(String agreementId) {
        return jdbc.queryForObject("SELECT wrapped_key FROM agreement_data_key WHERE agreement_id = ?::uuid",
                byte[].class, agreementId);
    }

    /** Every row of every table of the application's schema, as text (bytea as hex, as PostgreSQL writes it). */
    private String databaseDump() {
        List<String> tables = jdbc.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
                String.class);
        assertThat(tables).contains("domain_event_entry", "snapshot_event_entry", "token_entry", "scheduled_tasks");
        List<String> rows = new ArrayList<>();
        for (String table : tables) {
            rows.addAll(jdbc.queryForList("SELECT t::text FROM \"" + table + "\" t", String.class));
            // bytea columns also as UTF-8 text, so content stored as JSON bytes is found as well
            for (String column : jdbc.queryForList("SELECT column_name FROM information_schema.columns "
                    + "WHERE table_schema = 'public' AND table_name = ? AND data_type = 'bytea'", String.class, table)) {
                jdbc.query("SELECT \"" + column + "\" FROM \"" + table + "\" WHERE \"" + column + "\" IS NOT NULL",
                        rs -> {
                            rows.add(new String(rs.getBytes(1), StandardCharsets.ISO_8859_1));
                        });
            }
        }
        return String.join("\n", rows);
    }
}
