package org.sharedagreements.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sharedagreements.query.integrity.HashChain;
import org.sharedagreements.query.integrity.StoredEvent;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an agreement's stored events into the redacted timeline. People are numbered in order of first
 * appearance as an event's actor: the drafter (actor of event 0) is {@code partner-1}, each partner who joins
 * next gets the next number, and anyone else who acts gets the next number when first seen. Numbering depends
 * only on earlier events, so a page needs only the events up to its end, and numbers never change as the
 * agreement grows. The actor is read from the stored payload's {@code actor} field, which is never encrypted;
 * nothing else of the payload is looked at.
 */
final class Pseudonyms {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PREFIX = "partner-";

    private Pseudonyms() {
    }

    /** The redacted entries of the events with a sequence above {@code after}, numbering actors over all of them. */
    static List<AuditTimelineEntry> redact(List<StoredEvent> eventsFromFirst, long after) {
        Map<String, String> pseudonyms = new HashMap<>();
        List<AuditTimelineEntry> entries = new ArrayList<>();
        for (StoredEvent event : eventsFromFirst) {
            String actor = actor(event.payload());
            String pseudonym = actor == null ? null
                    : pseudonyms.computeIfAbsent(actor, a -> PREFIX + (pseudonyms.size() + 1));
            if (event.sequence() > after) {
                String at = HashChain.at(event.timestamp());
                entries.add(new AuditTimelineEntry(event.sequence(), event.type(),
                        at == null ? event.timestamp() : at, pseudonym, event.storedHash()));
            }
        }
        return entries;
    }

    /** The user id in the payload's {@code actor} field; null for service events and for unreadable payloads. */
    static String actor(byte[] payload) {
        try {
            JsonNode actor = JSON.readTree(payload).get("actor");
            return actor == null || !actor.isTextual() ? null : actor.asText();
        } catch (IOException | RuntimeException e) {
            // a payload that is not JSON (tampered, say) names nobody; verification reports it
            return null;
        }
    }
}
