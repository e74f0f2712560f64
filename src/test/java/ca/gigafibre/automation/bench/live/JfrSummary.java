package ca.gigafibre.automation.bench.live;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the engine's time went: its JFR execution samples ({@code jdk.ExecutionSample}, as {@code jfr print --events
 * jdk.ExecutionSample} lists them) counted by the library of the sampled frame and by the first frame of our own code,
 * printed as a BENCHMARKS.md section. Usage: {@code JfrSummary engine.jfr}.
 */
public final class JfrSummary {

    private JfrSummary() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> byLibrary = new HashMap<>();
        Map<String, Integer> byOwnFrame = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            byLibrary.merge(library(frames.get(0).getMethod().getType().getName()), 1, Integer::sum);
            frames.stream().map(f -> f.getMethod().getType().getName() + "." + f.getMethod().getName())
                    .filter(name -> name.startsWith("ca.gigafibre.")).findFirst()
                    .ifPresent(own -> byOwnFrame.merge(own, 1, Integer::sum));
        }
        System.out.printf("%n## Profile of the engine during the run (JFR)%n%n%,d execution samples of the engine's JVM (Java code running on a CPU; "
                + "time waiting for PostgreSQL or HTTP is not sampled here).%n%n", samples);
        print("Sampled frame's library / Bibliothèque de la trame échantillonnée", byLibrary, samples);
        print("First frame of the engine's own code / Première trame du code du moteur", byOwnFrame, samples);
    }

    /** The first three package levels, enough to tell PostgreSQL's driver, Camunda, Drools, Jackson and the JDK apart. */
    static String library(String type) {
        String[] parts = type.split("\\.");
        return String.join(".", java.util.Arrays.copyOf(parts, Math.min(3, parts.length - 1)));
    }

    private static void print(String title, Map<String, Integer> counts, int samples) {
        System.out.printf("| %s | samples | share |%n|---|---:|---:|%n", title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
                .forEach(e -> System.out.printf("| `%s` | %,d | %.1f %% |%n", e.getKey(), e.getValue(), 100.0 * e.getValue() / samples));
        System.out.println();
    }
}
