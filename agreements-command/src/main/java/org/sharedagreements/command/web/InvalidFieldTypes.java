package org.sharedagreements.command.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

import java.util.List;

/**
 * A request body whose JSON was well-formed but held values of the wrong type (a number for a text, an unknown
 * enum name). It carries every such field and the request as read without them, so the 400 can list these
 * together with what the constraints say about the other fields.
 */
public class InvalidFieldTypes extends JsonMappingException {

    private final transient List<FieldProblem> problems;
    private final transient Object partial;

    InvalidFieldTypes(JsonParser parser, List<FieldProblem> problems, Object partial) {
        super(parser, problems.size() + " fields have the wrong type");
        this.problems = List.copyOf(problems);
        this.partial = partial;
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** The request as read, with {@code null} for every field in {@link #problems()}. */
    public Object partial() {
        return partial;
    }
}
