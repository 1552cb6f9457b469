package org.sharedagreements.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The outside verifier of exports ({@code app.independent}, test code) proves that the published documents are
 * enough to verify an export only while it uses none of the project's classes: this keeps it so.
 */
class IndependentVerifierRulesTest {

    private static final String INDEPENDENT = "org.sharedagreements.app.independent..";

    @Test
    void theIndependentVerifierImportsNoClassOfTheProject() {
        JavaClasses independent = new ClassFileImporter().importPackages("org.sharedagreements.app.independent");
        noClasses().that().resideInAPackage(INDEPENDENT)
                .should().dependOnClassesThat(resideInAPackage("org.sharedagreements..")
                        .and(resideInAPackage(INDEPENDENT).negate()))
                .check(independent);
    }
}
