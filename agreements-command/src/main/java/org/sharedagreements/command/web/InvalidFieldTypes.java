package org.sharedagreements.command.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

import java.util.List;

/**
 * A request body whose JSON was well-formed but held values of the wrong type (a number for a text, an unknown
 * enum name): every such field, and what the constraints say about the others, so one 400 lists them all.
 */
public class InvalidFieldTypes extends JsonMappingException {

    private final transient List<FieldProblem> problems;

    InvalidFieldTypes(JsonParser parser, List<FieldProblem> problems) {
        super(parser, problems.size() + " fields are invalid");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
