package org.sharedagreements.kernel;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event record of the kernel has exactly one {@link EventKind}, and every kind names a distinct record. */
class EventKindTest {

    @Test
    void everyEventOfTheKernelHasExactlyOneKind() throws Exception {
        List<Class<?>> events = kernelClasses().stream()
                .filter(type -> AgreementEvent.class.isAssignableFrom(type) && !type.isInterface())
                .toList();
        List<Class<?>> kinds = Arrays.stream(EventKind.values()).<Class<?>>map(EventKind::type).toList();

        assertThat(events).hasSizeGreaterThan(25);
        assertThat(kinds).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(events);
    }

    private static List<Class<?>> kernelClasses() throws IOException, URISyntaxException {
        Path root = Path.of(AgreementEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(root::relativize).map(Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .filter(name -> !name.endsWith("package-info.class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .map(EventKindTest::load)
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
