package ca.gigafibre.automation.testing;

import ca.gigafibre.automation.AutomationApplication;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Another engine in a JVM of its own, started by a test with the test classpath — a node that can really die:
 * {@link #kill()} is {@code kill -9} (SIGKILL: no shutdown hook, no commit, no goodbye to the database or the cluster).
 * It runs {@link #main} with the demo and test profiles and the arguments given (usually {@code --automation.join=true}
 * and the test JVM's database and fakes). Its output goes to {@code target/<name>.log}. A JVM shutdown hook kills it if the
 * test JVM goes away first, so no node outlives its test.
 */
public final class ClusterNode implements AutoCloseable {

    /** System property: milliseconds added to the engine clock ({@link ClockUtil#offset}), the same as the test JVM's. */
    public static final String CLOCK_OFFSET = "automation.test.clock-offset-ms";

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;
    private final Thread reaper;

    private ClusterNode(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
        this.reaper = new Thread(process::destroyForcibly, "kill-" + name);
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** The node's own entry point, in its JVM. */
    public static void main(String[] args) {
        String offset = System.getProperty(CLOCK_OFFSET);
        if (offset != null) {
            ClockUtil.offset(Long.valueOf(offset));
        }
        new SpringApplicationBuilder(AutomationApplication.class).profiles("demo", "test").run(args);
    }

    /** Starts the node on a free HTTP port and waits until it is ready (its readiness probe answers 200). */
    public static ClusterNode start(String name, long clockOffsetMillis, List<String> arguments) throws IOException {
        int port = freePort();
        Path log = Path.of("target", name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Duser.timezone=UTC",
                "-D" + CLOCK_OFFSET + "=" + clockOffsetMillis, "-cp", classpath(), ClusterNode.class.getName(),
                "--server.port=" + port));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ClusterNode node = new ClusterNode(name, process, port, log);
        try {
            node.awaitReady();
        } catch (RuntimeException | Error e) {
            node.close();
            throw e;
        }
        return node;
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        Awaitility.await(name + " ready (log: " + log + ")").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; see " + log);
                    }
                    try {
                        return http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health/readiness"))).timeout(Duration.ofSeconds(5)).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    public int port() {
        return port;
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL, then waits until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor();
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already shutting down: the hook kills it
        }
    }

    /** The test classpath; under Surefire's manifest-only jar, the jar's Class-Path. */
    public static String classpath() throws IOException {
        String classpath = System.getProperty("java.class.path");
        String[] entries = classpath.split(File.pathSeparator);
        if (entries.length == 1 && entries[0].endsWith(".jar")) {
            try (JarFile jar = new JarFile(entries[0])) {
                String manifestPath = jar.getManifest() == null ? null : jar.getManifest().getMainAttributes().getValue("Class-Path");
                if (manifestPath != null && !manifestPath.isBlank()) {
                    List<String> files = new ArrayList<>();
                    for (String url : manifestPath.trim().split("\\s+")) {
                        files.add(Path.of(URI.create(url.startsWith("file:") ? url : "file:" + url)).toString());
                    }
                    return String.join(File.pathSeparator, files);
                }
            }
        }
        return classpath;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The whole log of the node so far (for a failure message). */
    public String logTail(int lines) throws IOException {
        List<String> all = Files.readAllLines(log);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
