package org.sharedagreements.app.commandbus;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.membership.PartnerInvited;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agreements stay cached between commands, and a cached agreement is never trusted once the store has moved on:
 * an event another command node appended (here: appended straight to the event store, past this node's cache)
 * is seen by the next command here.
 */
class AgreementCacheTest extends ApiTest {

    @Autowired
    private Cache agreementCache;

    @Autowired
    private EventStore eventStore;

    @Test
    void anAgreementIsCachedAfterACommand() {
        Couple couple = Couple.formed(api, "cache-ann", "cache-bea");

        assertThat(agreementCache.containsKey(couple.agreementId)).isTrue();
    }

    @Test
    void aCachedAgreementIsReloadedWhenAnotherNodeAppendedToIt() {
        Couple couple = Couple.formed(api, "cache-ada", "cache-bo");
        assertThat(agreementCache.containsKey(couple.agreementId)).isTrue();
        long last = storedEvents(couple.agreementId) - 1;

        // another command node invites cy: this node's cache never sees that command
        eventStore.publish(new GenericDomainEventMessage<>("Agreement", couple.agreementId, last + 1,
                new PartnerInvited(AgreementId.of(couple.agreementId), PartnerId.of("cache-ada"),
                        PartnerId.of("cache-cy"))));

        // with the stale cached agreement, cy would be a stranger here (404)
        assertThat(api.as("cache-cy").post(couple.path("/join")).status()).isEqualTo(200);
        assertThat(storedEvents(couple.agreementId)).isEqualTo(last + 3);
        // and the agreement is cached again, as stored
        assertThat(couple.first.post(couple.path("/red-flags"), Map.of("indicator", "STRESS", "note", "tired")).status())
                .isEqualTo(201);
        assertThat(storedEvents(couple.agreementId)).isEqualTo(last + 4);
    }
}
