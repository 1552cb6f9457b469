package org.sharedagreements.command.web;

/** One entry of a 400's {@code errors[]}: the field, header or parameter, and what is wrong with it. */
public record FieldProblem(String field, String message) {
}
