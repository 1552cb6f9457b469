package org.sharedagreements.kernel;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No kernel record (command, event, value) reveals its {@link Confidential} parts in {@code toString()}: each is
 * built with a marker in every confidential text (and a known constant in every confidential enum, such as a
 * boundary's category) and its {@code toString()}, generated or not, must carry none of them. A new record with a
 * bare {@code String} for what a partner wrote fails here, before it can leak into a log line.
 */
class ConfidentialToStringTest {

    private static final String MARKER = "zq-partner-wrote-this";

    @Test
    void noKernelRecordRevealsItsConfidentialPartsInToString() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Class<?> type : kernelRecords()) {
            if (!hasContent(type, 0)) {
                continue;
            }
            List<String> secrets = new ArrayList<>();
            Object message = build(type, false, secrets);
            assertThat(secrets).as("%s has confidential parts to mark", type.getSimpleName()).isNotEmpty();
            String text = message.toString();
            for (String secret : secrets) {
                assertThat(text).as("toString() of %s", type.getName()).doesNotContain(secret);
            }
            assertThat(text).startsWith(type.getSimpleName() + "[");
            checked.add(type.getSimpleName());
        }
        assertThat(checked).contains("AgreementDrafted", "DraftAgreement", "BoundaryDeclined", "DeclineBoundary",
                "ConsentWithdrawn", "WithdrawConsent", "BoundaryBroken", "ReportBreach", "BreachResolutionConfirmed",
                "ConfirmBreachResolution", "RedFlagRaised", "RaiseRedFlag", "RedFlagAddressed", "AddressRedFlag",
                "BoundaryTerms", "ProposeBoundary", "BoundaryProposed", "ReviseBoundary", "BoundaryRevised");
    }

    @Test
    void aPrivateTextIsRedactedButEqualByValue() {
        PrivateText text = PrivateText.of(MARKER);
        assertThat(text.toString()).isEqualTo(Content.REDACTED);
        assertThat(text).isEqualTo(PrivateText.of(MARKER)).hasSameHashCodeAs(PrivateText.of(MARKER));
        assertThat(text.value()).isEqualTo(MARKER);
        assertThat(PrivateText.of(null)).isNull();
        assertThat(PrivateText.valueOf(null)).isNull();
        assertThat(PrivateText.valueOf(text)).isEqualTo(MARKER);
    }

    /** Whether the record has a confidential component, directly or in a record inside it. */
    private static boolean hasContent(Class<?> type, int depth) {
        if (!type.isRecord() || depth > 4) {
            return false;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.isAnnotationPresent(Confidential.class) || hasContent(component.getType(), depth + 1)) {
                return true;
            }
        }
        return false;
    }

    private static Object build(Class<?> type, boolean confidential, List<String> secrets) throws Exception {
        if (type == PrivateText.class || type == String.class) {
            String value = confidential ? MARKER + secrets.size() : "plain";
            if (confidential) {
                secrets.add(value);
            }
            return type == PrivateText.class ? PrivateText.of(value) : value;
        }
        if (type.isEnum()) {
            Object constant = type.getEnumConstants()[type.getEnumConstants().length - 1];
            if (confidential) {
                secrets.add(((Enum<?>) constant).name());
            }
            return constant;
        }
        if (type == int.class || type == Integer.class) {
            return 1;
        }
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        if (type == boolean.class || type == Boolean.class) {
            return false;
        }
        if (type == UUID.class) {
            return UUID.randomUUID();
        }
        if (type == Instant.class) {
            return Instant.EPOCH;
        }
        if (type == Period.class) {
            return Period.ofDays(30);
        }
        if (type == List.class) {
            return List.of();
        }
        if (type == Set.class) {
            return Set.of();
        }
        if (type == Map.class) {
            return Map.of();
        }
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = build(types[i], components[i].isAnnotationPresent(Confidential.class), secrets);
            }
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        }
        return null;
    }

    /** Every record compiled from the kernel's sources. */
    private static List<Class<?>> kernelRecords() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(Confidential.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> records = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                Class<?> type = Class.forName(name.substring(0, name.length() - ".class".length()));
                if (type.isRecord()) {
                    records.add(type);
                }
            }
        }
        return records;
    }
}
