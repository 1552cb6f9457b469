package org.sharedagreements.sealing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** Sealing stays pure Java and Tink: no Spring, no JDBC, no other module, no logging that could carry a secret. */
class SealingModuleRulesTest {

    private static final JavaClasses SEALING = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.sharedagreements.sealing");

    @Test
    void sealingDependsOnlyOnTheJdkAndTink() {
        classes().that().resideInAPackage("org.sharedagreements.sealing..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.sharedagreements.sealing..",
                        "java.lang..", "java.util..", "java.nio..", "java.time..", "java.security..",
                        "javax.crypto..", "com.google.crypto.tink..")
                .check(SEALING);
    }
}
