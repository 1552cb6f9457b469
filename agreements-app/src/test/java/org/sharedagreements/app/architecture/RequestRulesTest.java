package org.sharedagreements.app.architecture;

import com.fasterxml.jackson.databind.JsonNode;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.validation.Constraint;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

/**
 * Keeps docs/style.md's "Requests and settings" true: a request body is one record with Bean Validation
 * constraints, bound by Spring ({@code @Valid @RequestBody}); no controller walks JSON by hand.
 */
@AnalyzeClasses(packages = "org.sharedagreements", importOptions = ImportOption.DoNotIncludeTests.class)
class RequestRulesTest {

    @ArchTest
    static final ArchRule everyRequestBodyIsAValidatedRecord = methods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
            .should(takeBodiesAs("a @Valid record with constraints", parameter -> parameter.isAnnotatedWith(Valid.class)
                    && parameter.getRawType().isRecord() && parameter.getRawType().getFields().stream()
                    .anyMatch(field -> field.getAnnotations().stream()
                            .anyMatch(annotation -> annotation.getRawType().isAnnotatedWith(Constraint.class)))));

    @ArchTest
    static final ArchRule noControllerTakesARawBody = methods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
            .should(takeBodiesAs("neither String, JsonNode nor Map", parameter -> {
                JavaClass type = parameter.getRawType();
                return !type.isEquivalentTo(String.class) && !type.isAssignableTo(JsonNode.class)
                        && !type.isAssignableTo(Map.class);
            }));

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
