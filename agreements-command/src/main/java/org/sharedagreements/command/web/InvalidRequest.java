package org.sharedagreements.command.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A 400 problem listing every invalid field as {@code errors: [{"field","message"}]}. */
public class InvalidRequest extends ErrorResponseException {

    public InvalidRequest(List<Map<String, String>> errors) {
        super(HttpStatus.BAD_REQUEST, problem(errors), null);
    }

    public static InvalidRequest of(String field, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return new InvalidRequest(List.of(error));
    }

    private static ProblemDetail problem(List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.copyOf(errors));
        return problem;
    }
}
