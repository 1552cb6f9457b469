package org.sharedagreements.web.record;

import com.fasterxml.jackson.databind.JsonNode;
import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.query.agreement.AgreementState;
import org.sharedagreements.query.timeline.TimelineEntry;
import org.springframework.context.MessageSource;

import java.util.Locale;

/**
 * The timeline's events as sentences for the person reading them, in their language: who did it as they know them
 * ({@link People}), and the boundary it is about named by its statement (the one the event proposes, else the
 * version in force or pending in the current state), or by its category where no statement is readable. The
 * read model's own {@code summary} names no boundary and stays as the API serves it.
 */
final class Sentences {

    /** A statement may hold 2,000 characters; a sentence quotes its start. */
    private static final int QUOTED = 80;

    private final AgreementState state;
    private final People people;
    private final MessageSource messages;
    private final Locale locale;

    Sentences(AgreementState state, People people, MessageSource messages, Locale locale) {
        this.state = state;
        this.people = people;
        this.messages = messages;
        this.locale = locale;
    }

    TimelineLine line(TimelineEntry entry) {
        JsonNode data = entry.data();
        String boundaryId = boundaryOf(data);
        Object[] arguments = {
                people.subject(entry.actor()),
                boundaryPhrase(boundaryId, data.path("terms")),
                text(data, "boundaryVersion"),
                other(data),
                detail(data),
                entry.type()
        };
        String key = "web.record.event." + entry.type() + variant(entry.type(), data);
        String sentence = messages.getMessage(key, arguments, null, locale);
        if (sentence == null) {
            sentence = messages.getMessage("web.record.event.other", arguments, locale);
        }
        return new TimelineLine(entry.sequence(), entry.type(), sentence, Moment.of(entry.at(), locale), boundaryId);
    }

    /** The boundary as a sentence names it, e.g. the boundary "We tell each other about new online friendships". */
    String boundaryPhrase(String boundaryId, JsonNode proposedTerms) {
        String statement = readable(proposedTerms.path("statement").asText(null));
        String category = readable(proposedTerms.path("category").asText(null));
        AgreementState.Boundary boundary = boundaryId == null || state == null ? null : state.boundary(boundaryId);
        if (boundary != null) {
            AgreementState.Terms terms = boundary.terms != null ? boundary.terms
                    : boundary.pending != null ? boundary.pending.terms : null;
            if (statement == null && terms != null) {
                statement = readable(terms.statement);
            }
            if (category == null) {
                category = readable(boundary.category);
            }
        }
        if (statement != null) {
            return messages.getMessage("web.record.boundary.named", new Object[]{quoted(statement)}, locale);
        }
        if (category != null) {
            return messages.getMessage("web.record.boundary.category", new Object[]{category(category)}, locale);
        }
        return messages.getMessage("web.record.boundary.unknown", null, locale);
    }

    String category(String category) {
        return messages.getMessage("web.record.category." + category, null, category, locale);
    }

    /** The boundary an event is about: named in it, or, for a breach's later events, the broken boundary's. */
    private String boundaryOf(JsonNode data) {
        String boundaryId = data.path("boundaryId").asText(null);
        if (boundaryId == null && data.hasNonNull("breachId") && state != null) {
            AgreementState.Breach breach = state.breach(data.get("breachId").asText());
            boundaryId = breach == null ? null : breach.boundaryId;
        }
        return boundaryId;
    }

    private String other(JsonNode data) {
        if (data.has("counsellorId")) {
            return people.counsellor(data.path("counsellorId").asText(null));
        }
        if (data.has("breachedBy")) {
            return people.object(data.path("breachedBy").asText(null));
        }
        if (data.has("partnerId")) {
            return people.object(data.path("partnerId").asText(null));
        }
        return "";
    }

    private String detail(JsonNode data) {
        if (data.has("indicator")) {
            String indicator = data.path("indicator").asText(Confidential.ERASED);
            return messages.getMessage("web.record.indicator." + indicator, null, indicator, locale);
        }
        if (data.has("nextReviewAt")) {
            Moment next = Moment.of(data.path("nextReviewAt").asText(null), locale);
            return next == null ? "" : next.text();
        }
        return "";
    }

    /** A second sentence for the same event type where it reads differently (a self-disclosed breach, ...). */
    private static String variant(String type, JsonNode data) {
        if ("BoundaryBroken".equals(type) && data.path("selfDisclosed").asBoolean(false)) {
            return ".self";
        }
        if ("CounsellorAccessRevoked".equals(type) && "MEMBERSHIP_CHANGED".equals(data.path("reason").asText())) {
            return ".membership";
        }
        return "";
    }

    private static String text(JsonNode data, String field) {
        return data.path(field).asText("");
    }

    private static String readable(String value) {
        return value == null || value.isBlank() || Confidential.ERASED.equals(value) ? null : value;
    }

    private static String quoted(String statement) {
        String line = statement.strip().replaceAll("\\s+", " ");
        return line.length() <= QUOTED ? line : line.substring(0, QUOTED - 1).strip() + "\u2026";
    }
}
