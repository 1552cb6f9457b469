package org.sharedagreements.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the module rules of docs/design.md ("Modules") true: the sides never import each other, the web pages import no command side, the kernel stays plain, controllers never touch JDBC. */
class ModuleRulesTest {

    private static final JavaClasses classes = ProductionClasses.ALL;

    @Test
    void theQuerySideNeverImportsTheCommandSide() {
        noClasses().that().resideInAPackage("org.sharedagreements.query..")
                .should().dependOnClassesThat().resideInAPackage("org.sharedagreements.command..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void theCommandSideNeverImportsTheQuerySide() {
        noClasses().that().resideInAPackage("org.sharedagreements.command..")
                .should().dependOnClassesThat().resideInAPackage("org.sharedagreements.query..")
                .check(classes);
    }

    @Test
    void theWebPagesNeverImportTheCommandSide() {
        noClasses().that().resideInAPackage("org.sharedagreements.web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sharedagreements.command..",
                        "org.sharedagreements.app..")
                .check(classes);
    }

    @Test
    void theSharedKernelImportsNeitherSpringNorJdbc() {
        noClasses().that().resideInAPackage("org.sharedagreements.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..")
                .check(classes);
    }

    @Test
    void theSharedKernelDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("org.sharedagreements.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sharedagreements.command..",
                        "org.sharedagreements.query..", "org.sharedagreements.web..", "org.sharedagreements.app..")
                .check(classes);
    }

    @Test
    void controllersNeverTouchJdbc() {
        noClasses().that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .or().areAnnotatedWith(org.springframework.stereotype.Controller.class)
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..",
                        "org.springframework.jdbc..")
                .check(classes);
    }
}
