package org.sharedagreements.command.web;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** One entry of a 400's {@code errors[]}: the field, header or parameter, and what is wrong with it. */
public record FieldProblem(String field, String message) {

    /** The problem of the request field a validation path names: {@code roles} for an element {@code roles[1]}. */
    public static FieldProblem at(String path, String message) {
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '[' || path.charAt(i) == '.') {
                return new FieldProblem(path.substring(0, i), message);
            }
        }
        return new FieldProblem(path, message);
    }

    /** Problems in the order a request record declares its fields (Bean Validation reports them in no order). */
    public static List<FieldProblem> inDeclarationOrder(Class<?> request, List<FieldProblem> problems) {
        if (!request.isRecord()) {
            return problems;
        }
        List<String> order = Arrays.stream(request.getRecordComponents()).map(RecordComponent::getName).toList();
        return problems.stream().sorted(Comparator.comparingInt(problem -> order.indexOf(problem.field()))).toList();
    }
}
