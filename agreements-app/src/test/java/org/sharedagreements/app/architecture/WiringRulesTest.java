package org.sharedagreements.app.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;
import org.sharedagreements.command.CommandSide;
import org.sharedagreements.kernel.access.Role;
import org.sharedagreements.query.QuerySide;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the wiring rules of the style guide true: each class of a side says where it runs, settings come from
 * {@code @ConfigurationProperties} records, and role names come from the one {@link Role} type.
 */
class WiringRulesTest {

    private static final List<Path> MAIN_SOURCES = Stream.of("shared-kernel", "agreements-command",
            "agreements-query", "agreements-web", "agreements-app").map(module -> Path.of("..", module, "src", "main", "java")).toList();
    private static final Path ROLE_SOURCE = Path.of("org", "sharedagreements", "kernel", "access", "Role.java");

    private static final JavaClasses classes = ProductionClasses.ALL;

    @Test
    void everyBeanOfTheWriteSideRunsOnCommandNodesOnly() {
        classes().that().resideInAnyPackage("org.sharedagreements.command..", "org.sharedagreements.app.commandbus..")
                .and(RUN_BY_SPRING_OR_AXON)
                .should().beAnnotatedWith(CommandSide.class)
                .check(classes);
    }

    @Test
    void everyBeanOfTheReadSideRunsOnQueryNodesOnly() {
        classes().that().resideInAPackage("org.sharedagreements.query..").and(RUN_BY_SPRING_OR_AXON)
                .should().beAnnotatedWith(QuerySide.class)
                .check(classes);
    }

    @Test
    void settingsComeFromConfigurationPropertiesRecordsNotValueLookups() {
        noFields().that().areDeclaredInClassesThat().areNotAnnotatedWith(ConfigurationProperties.class)
                .should().beAnnotatedWith(Value.class)
                .check(classes);
        noMethods().should().beAnnotatedWith(Value.class).check(classes);
        codeUnits().that().areDeclaredInClassesThat().areNotAnnotatedWith(ConfigurationProperties.class)
                .should(HAVE_NO_VALUE_PARAMETER)
                .check(classes);
        codeUnits().should(SCHEDULE_WITHOUT_PLACEHOLDERS).allowEmptyShould(true).check(classes);
    }

    @Test
    void roleNamesAndTheirAuthorityPrefixAreWrittenOnlyInRole() {
        Map<Path, List<String>> offences = new TreeMap<>();
        for (Path root : MAIN_SOURCES) {
            for (Path source : javaFiles(root)) {
                Path relative = root.relativize(source);
                if (!relative.equals(ROLE_SOURCE)) {
                    List<String> lines = roleNamesIn(source);
                    if (!lines.isEmpty()) {
                        offences.put(relative, lines);
                    }
                }
            }
        }
        assertThat(offences).as("role names or the ROLE_ prefix outside kernel.access.Role (use Role.claims(), "
                + "Role#claim(), Role#authority() or Role.AUTHORITY_PREFIX)").isEmpty();
    }

    /** What Spring registers from the component scan, and what Axon takes from among the beans. */
    private static final DescribedPredicate<JavaClass> RUN_BY_SPRING_OR_AXON = DescribedPredicate.describe(
            "are Spring components, aggregates or message handlers",
            type -> type.isMetaAnnotatedWith(Component.class) || type.isAnnotatedWith(Aggregate.class)
                    || type.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(EventHandler.class)
                    || method.isAnnotatedWith(CommandHandler.class) || method.isAnnotatedWith(QueryHandler.class)));

    private static final ArchCondition<JavaCodeUnit> HAVE_NO_VALUE_PARAMETER =
            new ArchCondition<>("have no @Value parameter") {
                @Override
                public void check(JavaCodeUnit unit, ConditionEvents events) {
                    for (JavaParameter parameter : unit.getParameters()) {
                        if (parameter.isAnnotatedWith(Value.class)) {
                            events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " takes parameter "
                                    + parameter.getIndex() + " from @Value: bind it in a settings record"));
                        }
                    }
                }
            };

    private static final ArchCondition<JavaCodeUnit> SCHEDULE_WITHOUT_PLACEHOLDERS =
            new ArchCondition<>("be scheduled without ${...} placeholders") {
                @Override
                public void check(JavaCodeUnit unit, ConditionEvents events) {
                    if (unit instanceof JavaMethod method && method.isAnnotatedWith(Scheduled.class)) {
                        Scheduled scheduled = method.getAnnotationOfType(Scheduled.class);
                        for (String value : List.of(scheduled.cron(), scheduled.fixedDelayString(),
                                scheduled.fixedRateString(), scheduled.initialDelayString())) {
                            if (value.contains("${")) {
                                events.add(SimpleConditionEvent.violated(method, method.getFullName()
                                        + " is scheduled by a placeholder: register it from a settings record"));
                            }
                        }
                    }
                }
            };

    /** A string literal of the prefix, a constant holding a claim, or a list of claims spelled out. */
    private static final Pattern AUTHORITY_PREFIX = Pattern.compile("\"" + Pattern.quote(Role.AUTHORITY_PREFIX));
    private static final Pattern CLAIM_LITERAL = Pattern.compile("\"(" + String.join("|", Role.claims()) + ")\"");
    private static final Pattern CLAIM_CONSTANT = Pattern.compile("String\\s+\\w+\\s*=\\s*" + CLAIM_LITERAL.pattern());

    private static List<String> roleNamesIn(Path source) {
        List<String> found = new ArrayList<>();
        for (String line : read(source)) {
            Matcher claims = CLAIM_LITERAL.matcher(line);
            long claimCount = claims.results().count();
            if (AUTHORITY_PREFIX.matcher(line).find() || CLAIM_CONSTANT.matcher(line).find() || claimCount > 1) {
                found.add(line.strip());
            }
        }
        return found;
    }

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> read(Path source) {
        try {
            return Files.readAllLines(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
