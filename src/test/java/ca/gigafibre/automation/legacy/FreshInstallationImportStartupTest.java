package ca.gigafibre.automation.legacy;

import static ca.gigafibre.automation.legacy.LegacyImportTest.FIRST_IMPORT;
import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.AutomationApplication;
import ca.gigafibre.automation.testing.AnalystFolders;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * The legacy import as a new user tries it: an engine of its own on a new database that has never had a fingerprint key,
 * with a keyset and no {@code AUTOMATION_SECRET_KEY} (so no key to derive one from), importing through the API. The shared
 * test context always has that legacy key, which is why the first import used to fail unnoticed.
 */
class FreshInstallationImportStartupTest {

    /** What the first import on such an installation used to stop with, and still stops with when rows carry fingerprints. */
    static final String LOST_KEY = "Imported rows carry fingerprints made with AUTOMATION_SECRET_KEY: configure it (once is enough) "
            + "so their fingerprint key is kept";

    static LegacyMariaDb.Server maria;

    @BeforeAll
    static void startMariaDb() {
        maria = LegacyMariaDb.start();
    }

    @Test
    void theFirstImportOnAFreshInstallationFinishesAndASecondOneRuns() throws Exception {
        LegacyFixture legacy = new LegacyFixture(maria, 1).create();
        try (Engine engine = Engine.start("fresh-import-first")) {
            assertThat(engine.count("secret_fingerprint_key")).isZero();
            assertThat(engine.count("legacy_import_run")).isZero();

            JsonNode first = engine.importAndWait(legacy, false);

            assertThat(first.path("status").asText()).as(first.toString()).isEqualTo("finished");
            FIRST_IMPORT.forEach((table, counts) -> assertCounts(first, table, counts));
            assertThat(engine.count("secret_fingerprint_key")).isEqualTo(1);

            JsonNode second = engine.importAndWait(legacy, false);

            assertThat(second.path("id").asLong()).isNotEqualTo(first.path("id").asLong());
            assertThat(second.path("status").asText()).as(second.toString()).isEqualTo("finished");
            // the key made by the first import is kept: every row it wrote is recognised as unchanged
            FIRST_IMPORT.forEach((table, counts) ->
                    assertCounts(second, table, new int[] {counts[0], 0, counts[1], counts[3], counts[4]}));
            assertThat(engine.count("secret_fingerprint_key")).isEqualTo(1);
        }
    }

    @Test
    void anInstallationLeftWithTheFailedFirstImportImportsAgainDryAndRealWithoutAKey() throws Exception {
        LegacyFixture legacy = new LegacyFixture(maria, 2).create();
        try (Engine engine = Engine.start("fresh-import-recovery")) {
            // what the failed first import left: its run (real, every table, none started) failed with the message; no key
            ImportRuns runs = engine.context().getBean(ImportRuns.class);
            long failed = runs.create(legacy.url, "reader", false, engine.context().getBean(LegacyImporter.class).tables(), "admin");
            runs.fail(failed, LOST_KEY);
            assertThat(engine.count("secret_fingerprint_key")).isZero();

            JsonNode dry = engine.importAndWait(legacy, true);

            assertThat(dry.path("status").asText()).as(dry.toString()).isEqualTo("finished");
            FIRST_IMPORT.forEach((table, counts) ->
                    // only the database refuses the second line of a DID, which a dry run cannot see
                    assertCounts(dry, table, table.equals("pbx") ? new int[] {5, 4, 0, 1, 3} : counts));
            assertThat(engine.count("customer")).isZero();
            assertThat(runs.report(failed).orElseThrow().status()).isEqualTo("failed");

            Engine.Started real = engine.start(legacy, false);

            assertThat(real.resumed()).isTrue();
            assertThat(real.id()).isEqualTo(failed);
            JsonNode resumed = engine.awaitEnd(real.id());
            assertThat(resumed.path("status").asText()).as(resumed.toString()).isEqualTo("finished");
            assertThat(resumed.has("error")).isFalse();
            FIRST_IMPORT.forEach((table, counts) -> assertCounts(resumed, table, counts));
            assertThat(engine.count("customer")).isEqualTo(FIRST_IMPORT.get("account")[1]);
        }
    }

    @Test
    void rowsFingerprintedUnderAKeyNoLongerConfiguredStillStopTheImport() throws Exception {
        LegacyFixture legacy = new LegacyFixture(maria, 3).create();
        try (Engine engine = Engine.start("fresh-import-lost-key")) {
            // a customer an earlier version imported, its fingerprint made under the AUTOMATION_SECRET_KEY now removed
            engine.jdbc().sql("INSERT INTO automation.customer (first_name, last_name, legacy_account_id, legacy_hash) "
                    + "VALUES ('Éloïse', 'Côté', :id, :hash)").param("id", legacy.id(1)).param("hash", new byte[32]).update();

            JsonNode dry = engine.importAndWait(legacy, true);
            JsonNode real = engine.importAndWait(legacy, false);

            for (JsonNode stopped : new JsonNode[] {dry, real}) {
                assertThat(stopped.path("status").asText()).isEqualTo("failed");
                assertThat(stopped.path("error").asText()).isEqualTo(LOST_KEY);
                assertThat(stopped.path("tables").path("account").path("read").asInt()).isZero();
            }
            assertThat(engine.count("secret_fingerprint_key")).isZero();
            assertThat(engine.count("customer")).isEqualTo(1);
        }
    }

    private static void assertCounts(JsonNode report, String table, int[] expected) {
        JsonNode t = report.path("tables").path(table);
        assertThat(new int[] {t.path("read").asInt(), t.path("imported").asInt(), t.path("unchanged").asInt(), t.path("rejected").asInt(),
                t.path("repaired").asInt()}).as(table + " read/imported/unchanged/rejected/repaired").containsExactly(expected);
        assertThat(t.path("status").asText()).as(table).isEqualTo("done");
    }

    /** An engine started as the demo on a throw-away database, with the test keyset and without the legacy key. */
    private record Engine(ConfigurableApplicationContext context, RestClient admin) implements AutoCloseable {

        record Started(long id, boolean resumed) {
        }

        static Engine start(String name) {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(AutomationApplication.class).profiles("demo", "test").run(
                    "--automation.secret-key=", "--automation.secret-key-file=", "--automation.fakes.enabled=false",
                    "--automation.resources-dir=" + AnalystFolders.freshCopy(), "--server.port=0", "--camunda.bpm.process-engine-name=" + name);
            RestClient admin = RestClient.builder().baseUrl("http://localhost:" + context.getEnvironment().getProperty("local.server.port"))
                    .defaultHeaders(headers -> headers.setBasicAuth("admin", "demo")).build();
            return new Engine(context, admin);
        }

        JdbcClient jdbc() {
            return context.getBean(JdbcClient.class);
        }

        long count(String table) {
            return jdbc().sql("SELECT count(*) FROM automation." + table).query(Long.class).single();
        }

        /** {@code POST /api/admin/imports}, as README shows it. */
        Started start(LegacyFixture legacy, boolean dryRun) {
            ResponseEntity<JsonNode> started = admin.post().uri("/api/admin/imports").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("jdbcUrl", legacy.url, "user", "reader", "password", "reader-pw", "dryRun", dryRun))
                    .retrieve().toEntity(JsonNode.class);
            assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            return new Started(started.getBody().path("id").asLong(), started.getBody().path("resumed").asBoolean());
        }

        JsonNode awaitEnd(long id) {
            return Awaitility.await("import " + id + " ended").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> admin.get().uri("/api/admin/imports/{id}", id).retrieve().body(JsonNode.class),
                            report -> !report.path("status").asText().equals("running"));
        }

        JsonNode importAndWait(LegacyFixture legacy, boolean dryRun) {
            return awaitEnd(start(legacy, dryRun).id());
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
