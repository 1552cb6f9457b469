package org.sharedagreements.command.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.sharedagreements.kernel.CanonicalUuid;
import org.sharedagreements.kernel.ReviewPeriod;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads request records (records with Bean Validation constraints) strictly and completely: a text must be a JSON
 * string (Jackson would turn {@code 12} into {@code "12"}), a whole number a JSON integer that fits, an enum its
 * exact name, an id a canonical UUID, an instant ISO-8601 ({@link Instant#parse}), a review period as
 * {@link ReviewPeriod#parse} reads it. Instead of stopping at the first wrong type, every one is collected and
 * reported at once together with what the constraints say about the other fields ({@link InvalidFieldTypes}).
 * Anything else Jackson reads (events, stored documents) is read as
 * before: the checks apply only while a request record is read.
 */
public class StrictRequestJson extends SimpleModule {

    private static final Object PROBLEMS = new Object();
    private static final String NOT_A_STRING = "must be a string";

    private final Validator validator;

    public StrictRequestJson(Validator validator) {
        super("strict-request-json");
        this.validator = validator;
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                if (isRequestRecord(type)) {
                    return new RequestRecord(deserializer, validator);
                }
                return Scalar.kindOf(type) == null ? deserializer : new Scalar(deserializer, type, null);
            }

            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription description,
                                                              JsonDeserializer<?> deserializer) {
                return new Scalar(deserializer, type.getRawClass(), null);
            }
        });
    }

    /** A record with at least one constrained component: the shape of every request body. */
    static boolean isRequestRecord(Class<?> type) {
        // the record's fields carry its components' constraints (@NotNull is no record-component annotation)
        return type.isRecord() && Arrays.stream(type.getDeclaredFields()).map(Field::getAnnotations)
                .flatMap(Arrays::stream).map(Annotation::annotationType)
                .anyMatch(annotation -> annotation.isAnnotationPresent(Constraint.class));
    }

    @SuppressWarnings("unchecked")
    private static List<FieldProblem> problems(DeserializationContext context) {
        return (List<FieldProblem>) context.getAttribute(PROBLEMS);
    }

    /** Reads a request record and fails, after reading all of it, if any field had the wrong type. */
    private static final class RequestRecord extends DelegatingDeserializer {

        private final Validator validator;

        RequestRecord(JsonDeserializer<?> delegate, Validator validator) {
            super(delegate);
            this.validator = validator;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new RequestRecord(delegate, validator);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            List<FieldProblem> problems = new ArrayList<>();
            Object outer = context.getAttribute(PROBLEMS);
            context.setAttribute(PROBLEMS, problems);
            Object value;
            try {
                value = _delegatee.deserialize(parser, context);
            } finally {
                context.setAttribute(PROBLEMS, outer);
            }
            if (!problems.isEmpty()) {
                throw new InvalidFieldTypes(parser, withConstraints(problems, value));
            }
            return value;
        }

        /** The wrong types and what the constraints say about the fields that had the right one. */
        private List<FieldProblem> withConstraints(List<FieldProblem> wrongTypes, Object value) {
            List<FieldProblem> all = new ArrayList<>(wrongTypes);
            Set<String> mistyped = wrongTypes.stream().map(FieldProblem::field).collect(Collectors.toSet());
            if (value != null) {
                for (ConstraintViolation<Object> violation : validator.validate(value)) {
                    FieldProblem problem = FieldProblem.at(violation.getPropertyPath().toString(), violation.getMessage());
                    if (!mistyped.contains(problem.field())) {
                        all.add(problem);
                    }
                }
            }
            return FieldProblem.inDeclarationOrder(handledType(), all);
        }
    }

    /** One scalar field of a request record: read strictly, or noted as a problem and read as {@code null}. */
    private static final class Scalar extends DelegatingDeserializer {

        private final Class<?> type;
        private final BeanProperty property;

        Scalar(JsonDeserializer<?> delegate, Class<?> type, BeanProperty property) {
            super(delegate);
            this.type = type;
            this.property = property;
        }

        static String kindOf(Class<?> type) {
            if (type == String.class || type == UUID.class || type == Instant.class || type == ReviewPeriod.class
                    || type == Integer.class || type == int.class || type.isEnum()) {
                return type.getSimpleName();
            }
            return null;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Scalar(delegate, type, property);
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            JsonDeserializer<?> contextual = super.createContextual(context, property);
            JsonDeserializer<?> delegate = contextual instanceof Scalar scalar ? scalar._delegatee : contextual;
            return new Scalar(delegate, type, property);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            List<FieldProblem> problems = problems(context);
            if (problems == null) {
                return _delegatee.deserialize(parser, context);
            }
            JsonToken token = parser.currentToken();
            Object value = token == JsonToken.VALUE_STRING ? fromText(parser.getText())
                    : token == JsonToken.VALUE_NUMBER_INT ? fromInteger(parser) : null;
            if (value == null) {
                problems.add(new FieldProblem(fieldName(parser), problem(token)));
                if (token.isStructStart()) {
                    parser.skipChildren();
                }
            }
            return value;
        }

        private Object fromText(String text) {
            try {
                if (type == String.class) {
                    return text;
                }
                if (type == UUID.class) {
                    return CanonicalUuid.parse(text);
                }
                if (type == Instant.class) {
                    return Instant.parse(text);
                }
                if (type == ReviewPeriod.class) {
                    return ReviewPeriod.parse(text);
                }
                if (type.isEnum()) {
                    return Arrays.stream(type.getEnumConstants()).filter(c -> ((Enum<?>) c).name().equals(text))
                            .findFirst().orElse(null);
                }
                return null;
            } catch (DateTimeParseException | IllegalArgumentException e) {
                return null;
            }
        }

        private Object fromInteger(JsonParser parser) throws IOException {
            boolean integer = type == Integer.class || type == int.class;
            return integer && parser.getNumberType() == JsonParser.NumberType.INT ? parser.getIntValue() : null;
        }

        private String problem(JsonToken token) {
            if (type == Integer.class || type == int.class) {
                Min min = property == null ? null : property.getAnnotation(Min.class);
                Max max = property == null ? null : property.getAnnotation(Max.class);
                return "must be a whole number from " + (min == null ? Integer.MIN_VALUE : min.value()) + " to "
                        + (max == null ? Integer.MAX_VALUE : max.value());
            }
            if (type == ReviewPeriod.class) {
                return "must be an ISO-8601 period from P" + ReviewPeriod.MIN_DAYS + "D to P" + ReviewPeriod.MAX_DAYS
                        + "D, such as P30D";
            }
            if (token != JsonToken.VALUE_STRING) {
                return NOT_A_STRING;
            }
            if (type == UUID.class) {
                return CanonicalUuid.PROBLEM;
            }
            if (type == Instant.class) {
                return "must be an ISO-8601 UTC instant such as 2026-11-26T17:00:00Z";
            }
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
        }

        /** The field being read: the nearest enclosing name (a list's elements report the list). */
        private static String fieldName(JsonParser parser) {
            for (JsonStreamContext context = parser.getParsingContext(); context != null;
                 context = context.getParent()) {
                if (context.getCurrentName() != null) {
                    return context.getCurrentName();
                }
            }
            return "body";
        }
    }
}
