package org.sharedagreements.app.architecture;

import com.fasterxml.jackson.databind.JsonNode;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.validation.Valid;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

/**
 * Keeps docs/style.md's "Requests and settings" true: a request body is one record with Bean Validation
 * constraints, bound by Spring ({@code @Valid @RequestBody}); no controller walks JSON by hand.
 */
class RequestRulesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.sharedagreements");
    }

    @Test
    void everyRequestBodyIsAValidatedRecord() {
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
                .should(takeBodiesAs("a @Valid record", parameter -> parameter.isAnnotatedWith(Valid.class)
                        && parameter.getRawType().isRecord()))
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void noControllerTakesARawBody() {
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
                .should(takeBodiesAs("neither String, JsonNode nor Map", parameter -> {
                    JavaClass type = parameter.getRawType();
                    return !type.isEquivalentTo(String.class) && !type.isAssignableTo(JsonNode.class)
                            && !type.isAssignableTo(Map.class);
                }))
                .check(classes);
    }

    private static ArchCondition<JavaMethod> takeBodiesAs(String what,
                                                          java.util.function.Predicate<JavaParameter> rule) {
        return new ArchCondition<>("take every @RequestBody as " + what) {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                for (JavaParameter parameter : method.getParameters()) {
                    if (parameter.isAnnotatedWith(RequestBody.class) && !rule.test(parameter)) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName() + " takes "
                                + parameter.getRawType().getName() + " as its body, not " + what));
                    }
                }
            }
        };
    }
}
