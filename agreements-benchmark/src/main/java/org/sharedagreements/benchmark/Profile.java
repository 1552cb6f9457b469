package org.sharedagreements.benchmark;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a command's CPU goes ({@code --profile}): the service's Flight Recorder samples over the measured window of
 * the user-shaped load, per kind of thread, each sample put under the part of the stack that runs it (the innermost
 * frame that belongs to one of {@link #PARTS}; a JDK frame counts for whoever called it), and each part's share
 * turned into milliseconds of that kind of thread's CPU per command, as measured from {@code /proc} in the same run.
 */
final class Profile {

    private record Part(String name, Pattern frames) {
    }

    private static final String SPRING = "Spring";
    /** Innermost first match wins, so a more specific part is listed before a wider one it runs under. */
    private static final List<Part> PARTS = List.of(
            part("checkpoint signing (Tink Ed25519)", "CheckpointSigner|crypto\\.tink\\.(subtle|internal)\\.(Ed25519|Field25519)"),
            part("sealing and opening content (AES-GCM)", "ContentCipher|FieldSeal|com\\.google\\.crypto\\.tink|javax\\.crypto|com\\.sun\\.crypto|sun\\.security"),
            part("JDBC driver and pool", "org\\.postgresql|com\\.zaxxer"),
            part("Bean Validation", "org\\.hibernate\\.validator|jakarta\\.validation"),
            part("JSON (Jackson)", "com\\.fasterxml\\.jackson"),
            part("JWT checks (verified-token cache)", "com\\.nimbusds|security\\.oauth2\\.jwt|JwtAuthenticationProvider|VerifiedToken"),
            part("Axon (bus, unit of work, aggregate, event store, processor)", "org\\.axonframework"),
            part("our code (controllers, fold, read models)", "org\\.sharedagreements"),
            part("metrics and observations (Micrometer)", "io\\.micrometer"),
            part("Spring Security filters", "org\\.springframework\\.security"),
            part(SPRING, "org\\.springframework"),
            part("Tomcat (HTTP parsing, I/O)", "org\\.apache\\.(catalina|coyote|tomcat)|sun\\.nio|java\\.nio|sun\\.net"));
    private static final String LOOKUP = "handler lookup (Spring Security's introspector cache, then the DispatcherServlet)";
    private static final String MVC = "Spring MVC (dispatch, arguments, return values)";
    private static final String SPRING_OTHER = "Spring (transactions, JDBC template, other)";
    private static final String JDK = "JDK only";
    private static final Pattern LOOKUP_FRAMES = Pattern.compile(
            "AbstractHandlerMethodMapping\\.(lookupHandlerMethod|getHandlerInternal)|HandlerMappingIntrospector\\.");

    private Profile() {
    }

    private static Part part(String name, String frames) {
        return new Part(name, Pattern.compile(frames));
    }

    /** The service's thread groups of {@code Cpu.byThread} that the samples are split for. */
    static String group(String threadName) {
        if (threadName.startsWith("http-nio") && threadName.contains("-exec-")) {
            return "requests";
        }
        return threadName.startsWith("WorkPackage") || threadName.startsWith("Coordinator") ? "read models" : null;
    }

    /** The rebuild's threads (see {@code ReadModelRebuild}): those applying pages, the one reading them. */
    static String rebuildGroup(String threadName) {
        if (threadName.startsWith("projection-replay-") || threadName.startsWith("projection-rebuild-writer")) {
            return "rebuild, applying pages";
        }
        return threadName.startsWith("projection-rebuild-reader") ? "rebuild, reading pages" : null;
    }

    /**
     * Lines for the table: for each group with CPU per command measured, its parts, the largest first, in ms per
     * command and as a share of the group's samples.
     */
    static List<String> breakdown(Path recording, Instant from, Instant to, Map<String, Double> msPerCommand)
            throws IOException {
        return breakdown(recording, from, to, Profile::group, msPerCommand, "ms per command");
    }

    /**
     * The rebuild's samples in its window, per thread, by part; each group's CPU is estimated as its share of all
     * the service's samples in the window times the service's CPU per event, in microseconds.
     */
    static List<String> rebuildBreakdown(Path recording, Instant from, Instant to, double serviceMicrosPerEvent)
            throws IOException {
        int[] all = {0};
        Map<String, Integer> byGroup = new LinkedHashMap<>();
        forEachSample(recording, from, to, (thread, stack) -> {
            all[0]++;
            String group = rebuildGroup(thread);
            if (group != null) {
                byGroup.merge(group, 1, Integer::sum);
            }
        });
        List<String> lines = new ArrayList<>();
        if (all[0] == 0) {
            return lines;
        }
        Map<String, Double> micros = new LinkedHashMap<>();
        byGroup.forEach((group, count) -> micros.put(group, serviceMicrosPerEvent * count / all[0]));
        lines.add(String.format(Locale.ROOT, "  service, %.1f us per event (%,d samples, %.0f%% of them in the rebuild's "
                + "two threads)", serviceMicrosPerEvent, all[0],
                100.0 * byGroup.values().stream().mapToInt(Integer::intValue).sum() / all[0]));
        lines.addAll(breakdown(recording, from, to, Profile::rebuildGroup, micros, "us per event"));
        return lines;
    }

    private interface SampleSink {
        void accept(String thread, RecordedStackTrace stack);
    }

    private static void forEachSample(Path recording, Instant from, Instant to, SampleSink sink) throws IOException {
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")
                        || event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
                    continue;
                }
                RecordedThread thread = event.getThread("sampledThread");
                RecordedStackTrace stack = event.getStackTrace();
                if (thread != null && thread.getJavaName() != null && stack != null) {
                    sink.accept(thread.getJavaName(), stack);
                }
            }
        }
    }


    private static List<String> breakdown(Path recording, Instant from, Instant to,
                                          java.util.function.Function<String, String> groups,
                                          Map<String, Double> costPerUnit, String unit)
            throws IOException {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        Map<String, Integer> totals = new LinkedHashMap<>();
        forEachSample(recording, from, to, (thread, stack) -> {
            String group = groups.apply(thread);
            if (group != null) {
                counts.computeIfAbsent(group, g -> new LinkedHashMap<>()).merge(partOf(stack.getFrames()), 1, Integer::sum);
                totals.merge(group, 1, Integer::sum);
            }
        });
        List<String> lines = new ArrayList<>();
        counts.forEach((group, parts) -> {
            int total = totals.get(group);
            double ms = costPerUnit.getOrDefault(group, 0.0);
            lines.add(String.format(Locale.ROOT, "  %s, %.2f %s (%,d samples):", group, ms, unit, total));
            parts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(part -> lines.add(String.format(Locale.ROOT, "      %5.2f %s  %4.1f%%  %s",
                            ms * part.getValue() / total, unit.substring(0, unit.indexOf(' ')),
                            100.0 * part.getValue() / total, part.getKey())));
        });
        return lines;
    }

    private static String partOf(List<RecordedFrame> frames) {
        for (int i = 0; i < frames.size(); i++) {
            String frame = name(frames.get(i));
            for (Part part : PARTS) {
                if (!part.frames().matcher(frame).find()) {
                    continue;
                }
                if (!part.name().equals(SPRING)) {
                    return part.name();
                }
                // Spring's own frames: the handler lookup when they run under it, else MVC or the rest
                for (int j = i; j < Math.min(frames.size(), i + 40); j++) {
                    if (LOOKUP_FRAMES.matcher(name(frames.get(j))).find()) {
                        return LOOKUP;
                    }
                }
                return frame.startsWith("org.springframework.web") ? MVC : SPRING_OTHER;
            }
        }
        return JDK;
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
