package org.sharedagreements.app.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database configured through any source Spring Boot reads makes the start a production one: it never runs the
 * local profile (embedded database, {@code /dev/tokens} signing for anyone), and with nothing but a database URL
 * it refuses, naming the missing JWT setting. The URL points at a closed port; nothing connects to it.
 */
class ConfigSourcesTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:1/none";

    @TempDir
    Path directory;

    @Test
    void aDatasourceInConfigApplicationYmlOfTheWorkingDirectory() throws Exception {
        Files.createDirectories(directory.resolve("config"));
        Files.writeString(directory.resolve("config/application.yml"), "spring.datasource.url: " + URL + "\n");
        assertRefusedForWantOfAJwtSetting(childJvm(Map.of()));
    }

    @Test
    void aDatasourceInAnAdditionalConfigLocation() throws IOException {
        Path file = Files.writeString(directory.resolve("deployment.yml"),
                "spring:\n  datasource:\n    url: " + URL + "\n");
        assertRefusedForWantOfAJwtSetting(StartProbe.start(
                environment(Map.of("spring.config.additional-location", "file:" + file)), List.of()).line());
    }

    @Test
    void aDatasourceInSpringApplicationJson() {
        assertRefusedForWantOfAJwtSetting(StartProbe.start(environment(Map.of("spring.application.json",
                "{\"spring\":{\"datasource\":{\"url\":\"" + URL + "\"}}}")), List.of()).line());
    }

    @Test
    void aDatasourceInAConfigTree() throws IOException {
        Files.writeString(directory.resolve("spring.datasource.url"), URL + "\n");
        assertRefusedForWantOfAJwtSetting(StartProbe.start(
                environment(Map.of("spring.config.import", "configtree:" + directory + "/")), List.of()).line());
    }

    @Test
    void aDatasourceOnTheCommandLine() {
        assertRefusedForWantOfAJwtSetting(StartProbe.start(environment(Map.of()),
                List.of("--spring.datasource.url=" + URL)).line());
    }

    @Test
    void aDatasourceInAnEnvironmentVariable() throws Exception {
        assertRefusedForWantOfAJwtSetting(childJvm(Map.of("SPRING_DATASOURCE_URL", URL)));
    }

    @Test
    void aConnectionPoolUrlInYamlCountsAsADatasource() throws IOException {
        Path file = Files.writeString(directory.resolve("pool.yml"), "spring.datasource.hikari.jdbcUrl: " + URL + "\n");
        assertRefusedForWantOfAJwtSetting(StartProbe.start(
                environment(Map.of("spring.config.additional-location", "file:" + file)), List.of()).line());
    }

    @Test
    void withoutADatasourceAnywhereTheStartIsLocal() {
        assertThat(StartProbe.start(environment(Map.of()), List.of()).line())
                .isEqualTo("passed local with local defaults");
    }

    private static void assertRefusedForWantOfAJwtSetting(String outcome) {
        assertThat(outcome).startsWith("refused MissingProductionSetting: profile prod needs a JWT setting")
                .contains("AGREEMENTS_SECURITY_JWT_HMAC_SECRET");
    }

    static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }

    /** The outcome of a start in a JVM whose working directory is the test's directory, with these variables. */
    private String childJvm(Map<String, String> variables) throws IOException, InterruptedException {
        Path output = directory.resolve("child-output.txt");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), StartProbe.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        // only the variables of the case: a developer's own SPRING_ or AGREEMENTS_ settings must not decide it
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("AGREEMENTS_"));
        builder.environment().putAll(variables);
        Process child = builder.start();
        if (!child.waitFor(90, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("the child JVM did not finish: " + Files.readString(output));
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        return lines.stream().filter(line -> line.startsWith(StartProbe.OUTCOME))
                .map(line -> line.substring(StartProbe.OUTCOME.length())).findFirst()
                .orElseThrow(() -> new AssertionError("no outcome from the child JVM:\n" + String.join("\n", lines)));
    }
}
