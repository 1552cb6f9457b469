package org.sharedagreements.command.web;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A command's JSON body as received. It exists so that nothing prints what a partner wrote: Spring MVC logs the
 * arguments of a request at TRACE level, and this body describes itself without its content.
 */
public record ContentBody(JsonNode json) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ContentBody of(JsonNode json) {
        return new ContentBody(json);
    }

    @Override
    public String toString() {
        return "ContentBody[" + (json == null ? 0 : json.size()) + " fields, content redacted]";
    }
}
