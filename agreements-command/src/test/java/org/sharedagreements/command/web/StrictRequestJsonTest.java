package org.sharedagreements.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictRequestJsonTest {

    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .addModule(new StrictRequestJson(Validation.buildDefaultValidatorFactory().getValidator())).build();

    record Unconstrained(String text, Integer number) {
    }

    @Test
    void everyFieldOfTheWrongTypeIsCollected() {
        assertThatThrownBy(() -> json.readValue("{\"category\":12,\"statement\":[\"x\"],\"measure\":true,"
                + "\"reviewEvery\":\"P0D\"}", BoundaryTermsRequest.class))
                .isInstanceOfSatisfying(InvalidFieldTypes.class, e -> assertThat(e.problems()).containsExactly(
                        new FieldProblem("category", "must be a string"),
                        new FieldProblem("statement", "must be a string"),
                        new FieldProblem("measure", "must be a string"),
                        new FieldProblem("reviewEvery", "must be an ISO-8601 period from P1D to P366D, such as P30D")));
    }

    @Test
    void constraintsOfTheOtherFieldsAreReportedWithTheWrongTypes() {
        assertThatThrownBy(() -> json.readValue("{\"breachedBy\":\"\",\"boundaryId\":7,\"description\":\"x\"}",
                BreachReportRequest.class)).isInstanceOfSatisfying(InvalidFieldTypes.class, e -> assertThat(e.problems())
                .containsExactly(new FieldProblem("boundaryId", "must be a string"),
                        new FieldProblem("breachedBy", "must have 1 to 128 characters"),
                        new FieldProblem("occurredAt", "is required")));
    }

    @Test
    void numbersAreWholeAndFitAnInt() {
        for (String value : new String[]{"1.5", "\"1\"", "true", "[1]", "2147483648"}) {
            assertThatThrownBy(() -> json.readValue("{\"boundaryVersion\":" + value + "}", AcceptanceRequest.class))
                    .as(value).isInstanceOfSatisfying(InvalidFieldTypes.class, e -> assertThat(e.problems())
                            .containsExactly(new FieldProblem("boundaryVersion", RequestMessages.BOUNDARY_VERSION)));
        }
    }

    @Test
    void enumsIdsAndInstantsAreReadExactly() {
        assertThatThrownBy(() -> json.readValue("{\"indicator\":\"0\"}", RedFlagRequest.class))
                .isInstanceOf(InvalidFieldTypes.class);
        assertThatThrownBy(() -> json.readValue("{\"boundaryId\":\"1-1-1-1-1\",\"occurredAt\":1700000000}",
                BreachReportRequest.class)).isInstanceOfSatisfying(InvalidFieldTypes.class, e ->
                assertThat(e.problems()).extracting(FieldProblem::field)
                        .containsExactly("boundaryId", "breachedBy", "description", "occurredAt"));
    }

    @Test
    void validRequestsAndEverythingElseReadAsBefore() throws Exception {
        assertThat(json.readValue("{\"boundaryVersion\":3}", AcceptanceRequest.class).boundaryVersion()).isEqualTo(3);
        assertThat(json.readValue("{\"text\":12,\"number\":1.5}", Unconstrained.class))
                .isEqualTo(new Unconstrained("12", 1));
    }
}
