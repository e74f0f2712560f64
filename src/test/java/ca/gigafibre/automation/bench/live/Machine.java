package ca.gigafibre.automation.bench.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** What the figures were measured on: cores, memory, CPU model, Java, PostgreSQL. */
record Machine(int cores, String memory, String cpu, String java, String postgres) {

    static Machine describe(PostgresAnchor postgres) throws Exception {
        String cpu = proc("/proc/cpuinfo", "model name");
        String memKb = proc("/proc/meminfo", "MemTotal").replaceAll("[^0-9]", "");
        String memory = memKb.isEmpty() ? "unknown" : String.format("%.1f GiB", Long.parseLong(memKb) / 1024.0 / 1024.0);
        String java = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        String version;
        try (Connection c = postgres.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SHOW server_version")) {
            r.next();
            version = r.getString(1);
        }
        return new Machine(Runtime.getRuntime().availableProcessors(), memory, cpu, java, version);
    }

    private static String proc(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(line -> line.startsWith(key)).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
