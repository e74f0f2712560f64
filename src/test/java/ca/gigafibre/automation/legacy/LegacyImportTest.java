package ca.gigafibre.automation.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.platform.secret.SecretCipher;
import ca.gigafibre.automation.platform.secret.SecretColumn;
import ca.gigafibre.automation.testing.DatabaseScan;
import ca.gigafibre.automation.testing.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The legacy import against a real MariaDB holding the legacy tables with the traps of issue 11. */
@ExtendWith(OutputCaptureExtension.class)
class LegacyImportTest extends IntegrationTest {

    /** Per legacy table of the fixture: read, imported, unchanged, rejected, repaired on a first import. */
    static final Map<String, int[]> FIRST_IMPORT = new LinkedHashMap<>();

    static {
        FIRST_IMPORT.put("account", new int[] {5, 3, 0, 2, 1});
        FIRST_IMPORT.put("delivery", new int[] {4, 2, 0, 2, 2});
        FIRST_IMPORT.put("account_profile", new int[] {2, 1, 0, 1, 0});
        FIRST_IMPORT.put("soumission", new int[] {4, 2, 0, 2, 0});
        FIRST_IMPORT.put("accord_paiement", new int[] {6, 3, 0, 3, 0});
        FIRST_IMPORT.put("bon_travail", new int[] {3, 2, 0, 1, 0});
        FIRST_IMPORT.put("bon_travail_item", new int[] {2, 1, 0, 1, 0});
        FIRST_IMPORT.put("pbx", new int[] {5, 3, 0, 2, 3});
        FIRST_IMPORT.put("phone_provisioning", new int[] {3, 2, 0, 1, 1});
        FIRST_IMPORT.put("phone_addr", new int[] {6, 4, 0, 2, 2});
        FIRST_IMPORT.put("account_suspension", new int[] {3, 2, 0, 1, 0});
        FIRST_IMPORT.put("ip_history", new int[] {3, 2, 0, 1, 0});
        FIRST_IMPORT.put("delivery_history", new int[] {2, 1, 0, 1, 1});
    }

    static LegacyMariaDb.Server maria;

    @Autowired
    LegacyImports imports;

    @Autowired
    LegacyImporter importer;

    @Autowired
    DatabaseScan scan;

    @Autowired
    SecretCipher cipher;

    @Autowired
    LegacyImportCommand command;

    @Autowired
    ca.gigafibre.automation.collections.arrangement.ArrangementService arrangementService;

    @BeforeAll
    static void startMariaDb() {
        maria = LegacyMariaDb.start();
    }

    @AfterEach
    void normalImporterAndNoFixtureRowsLeft() {
        importer.batchSize(1000);
        importer.beforeBatchCommit(null);
        // the fixtures' rows go (customers cascade to everything else), so tests that count the shared data see theirs only
        jdbc.sql("DELETE FROM automation.e911_address WHERE legacy_phone_addr_id BETWEEN 900000 AND 999999").update();
        jdbc.sql("DELETE FROM automation.customer WHERE legacy_account_id BETWEEN 900000 AND 999999").update();
    }

    @Test
    void importsEveryTableWithExactCountsRejectsAndRepairsAndARerunChangesNothing() throws Exception {
        LegacyFixture legacy = new LegacyFixture(maria, 1).create();

        JsonNode first = importAndWait(legacy, false);

        assertThat(first.path("status").asText()).isEqualTo("finished");
        FIRST_IMPORT.forEach((table, counts) -> assertCounts(first, table, counts));
        assertThat(first.path("tables").path("phone_addr").path("orphans").asInt()).isEqualTo(1);
        assertThat(rejects(first)).contains(
                "account/" + legacy.id(4) + "/ppa_amount/negative amount",
                "account/" + legacy.id(5) + "/status/unknown status '9'",
                "delivery/" + legacy.id(3) + "/zip/'90210' is not a Canadian postal code",
                "delivery/" + legacy.id(4) + "/account_id/unknown account " + legacy.id(99),
                "account_profile/" + legacy.id(2) + "/account_id/unknown account " + legacy.id(4),
                "soumission/" + legacy.id(4) + "/account_id/unknown account " + legacy.id(77),
                "accord_paiement/" + legacy.id(4) + "/date_coupure/cutoff date 2026-02-26 is before the agreement date 2026-03-01",
                "accord_paiement/" + legacy.id(5) + "/montant/negative amount",
                "accord_paiement/" + legacy.id(6) + "/account_id/unknown account " + legacy.id(50),
                "bon_travail/" + legacy.id(3) + "/heure_depart_t1/departure before arrival",
                "bon_travail_item/" + legacy.id(2) + "/bon_id/unknown work order " + legacy.id(3),
                "pbx/" + legacy.id(4) + "/phone/'272-2408' is not a 10-digit North American number",
                "pbx/" + legacy.id(5) + "/did/already in the engine (voip_line_did_key)",
                "phone_provisioning/" + legacy.id(3) + "/mac/'ZZ:00:11:22:33:44' is not a MAC address",
                "phone_addr/" + legacy.id(5) + "/zip/'12345' is not a Canadian postal code",
                "phone_addr/" + legacy.id(6) + "/phone/'abc' is not a phone number",
                "account_suspension/" + legacy.id(3) + "/date_end/ends before it starts",
                "ip_history/" + legacy.id(3) + "/ip/'999.1.1.1' is not an IP address",
                "delivery_history/" + legacy.id(2) + "/account_id/account " + legacy.id(3) + " has no service location");
        assertThat(rejects(first)).anyMatch(r -> r.startsWith("soumission/" + legacy.id(3) + "/materiel/corrupted PHP serialisation: "));
        assertThat(first.path("rejects")).hasSize(20);

        // what landed where
        long eloise = customerOf(legacy.id(1));
        assertThat(jdbc.sql("SELECT first_name || ' ' || last_name || ' ' || status || ' ' || legacy_customer_id FROM automation.customer WHERE id = :id")
                .param("id", eloise).query(String.class).single()).isEqualTo("Éloïse Côté active L" + legacy.id(1));
        assertThat(jdbc.sql("SELECT status FROM automation.customer WHERE legacy_account_id = :id").param("id", legacy.id(3))
                .query(String.class).single()).isEqualTo("inactive");
        assertThat(jdbc.sql("SELECT bank_institution || '-' || bank_transit || ' ' || bank_account_last4 FROM automation.payment_method WHERE legacy_key = :key")
                .param("key", "account:" + legacy.id(1) + ":bank").query(String.class).single()).isEqualTo("006-12345 661");
        assertThat(decrypted(SecretColumn.BANK_ACCOUNT, "legacy_key", "account:" + legacy.id(1) + ":bank")).isEqualTo(legacy.bankSecret());
        assertThat(jdbc.sql("SELECT ppa_amount FROM automation.account_ppa_settings WHERE customer_id = :id").param("id", eloise)
                .query(BigDecimal.class).single()).isEqualByComparingTo("150.00");
        assertThat(jdbc.sql("SELECT description FROM automation.quote_line l JOIN automation.quote q ON q.id = l.quote_id "
                        + "WHERE q.legacy_soumission_id = :id ORDER BY l.id").param("id", legacy.id(1)).query(String.class).list())
                .containsExactly("Installation fibre — près de l'église 🚀", "Fibre 300 Mbit/s, accès illimité");
        assertThat(jdbc.sql("SELECT count(*) FROM automation.quote_line l JOIN automation.quote q ON q.id = l.quote_id WHERE q.legacy_soumission_id = :id")
                .param("id", legacy.id(2)).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT status || ' ' || method || ' ' || coalesce(cutoff_date::text, '-') FROM automation.payment_arrangement "
                        + "WHERE legacy_accord_id IN (:a, :b, :c) ORDER BY legacy_accord_id")
                .param("a", legacy.id(1)).param("b", legacy.id(2)).param("c", legacy.id(3)).query(String.class).list())
                .containsExactly("open phone 2026-03-20", "completed ppa -", "pending unset 2026-03-26");
        assertThat(jdbc.sql("SELECT technician || ' ' || to_char(arrived_at AT TIME ZONE 'America/Montreal', 'HH24:MI') || '-' "
                        + "|| to_char(departed_at AT TIME ZONE 'America/Montreal', 'HH24:MI') FROM automation.work_order_technician t "
                        + "JOIN automation.work_order w ON w.id = t.work_order_id WHERE w.legacy_bon_travail_id IN (:a, :b) ORDER BY w.legacy_bon_travail_id, t.id")
                .param("a", legacy.id(1)).param("b", legacy.id(2)).query(String.class).list())
                .containsExactly("Gen Lussier 09:00-10:30", "Kevin Brodeur 09:15-10:30", "Marc Choinière 13:00-14:00");
        assertThat(jdbc.sql("SELECT did FROM automation.voip_line WHERE legacy_pbx_id BETWEEN :from AND :to ORDER BY did")
                .param("from", legacy.id(1)).param("to", legacy.id(9)).query(String.class).list())
                .containsExactly(legacy.did(1), legacy.did(2), legacy.did(3));
        assertThat(jdbc.sql("SELECT mac FROM automation.ata_config WHERE legacy_phone_provisioning_id = :id").param("id", legacy.id(1))
                .query(String.class).single()).isEqualTo("00:0B:82:12:34:51");
        assertThat(jdbc.sql("SELECT postal_code FROM automation.e911_address WHERE legacy_phone_addr_id = :id").param("id", legacy.id(4))
                .query(String.class).single()).isEqualTo("J0E 1X0");
        assertThat(jdbc.sql("SELECT host(ip) || ' ' || (released_at IS NOT NULL) FROM automation.ip_assignment WHERE legacy_ip_history_id IN (:a, :b) "
                        + "ORDER BY legacy_ip_history_id").param("a", legacy.id(1)).param("b", legacy.id(2)).query(String.class).list())
                .containsExactly("10.1.0.1 true", "10.1.0.2 false");

        // a second run from the same source changes nothing and says so
        JsonNode again = importAndWait(legacy, false);
        assertThat(again.path("id").asLong()).isNotEqualTo(first.path("id").asLong());
        FIRST_IMPORT.forEach((table, counts) ->
                assertCounts(again, table, new int[] {counts[0], 0, counts[1], counts[3], counts[4]}));
        assertThat(again.path("rejects")).hasSize(20);
    }

    @Test
    void didReport911AuditOrphansAndCustomer360WorkOnImportedRows() throws Exception {
        LegacyFixture legacy = new LegacyFixture(maria, 2).create();
        importAndWait(legacy, false);

        Map<String, JsonNode> dids = new HashMap<>();
        as("ops").getForObject("/api/reports/dids", JsonNode.class).forEach(row -> dids.put(row.path("did").asText(), row));
        assertThat(dids.get(legacy.did(1)).path("syncStatus").asText()).isEqualTo("unverified");
        assertThat(dids.get(legacy.did(2)).path("syncStatus").asText()).isEqualTo("mismatch");
        assertThat(dids.get(legacy.did(2)).path("differingFields").asText()).isEqualTo("streetNumber");
        assertThat(dids.get(legacy.did(3)).path("syncStatus").asText()).isEqualTo("unverified");
        assertThat(dids).doesNotContainKey(legacy.did(4));

        List<String> audited = new ArrayList<>();
        as("ops").getForObject("/api/reports/e911-audit", JsonNode.class).forEach(row -> audited.add(row.path("did").asText()));
        assertThat(audited).contains(legacy.did(2)).doesNotContain(legacy.did(1), legacy.did(3));
        List<String> orphans = new ArrayList<>();
        as("ops").getForObject("/api/reports/e911-orphans", JsonNode.class).forEach(row -> orphans.add(row.path("did").asText()));
        assertThat(orphans).contains(legacy.did(4)).doesNotContain(legacy.did(1), legacy.did(2), legacy.did(3));

        String customerNo = jdbc.sql("SELECT customer_no FROM automation.customer WHERE legacy_account_id = :id").param("id", legacy.id(1))
                .query(String.class).single();
        JsonNode view = as("ops").getForObject("/api/customers/" + customerNo, JsonNode.class);
        assertThat(view.path("lastName").asText()).isEqualTo("Côté");
        assertThat(view.path("locations").get(0).path("postalCode").asText()).isEqualTo("J2G 4K7");
        List<String> kinds = view.path("related").path("paymentMethods").findValuesAsText("kind");
        assertThat(kinds).containsExactlyInAnyOrder("bank-ppa", "stripe-card", "paysafe-card");
        assertThat(view.toString()).doesNotContain(legacy.bankSecret()).doesNotContain(LegacyFixture.TOKEN_SECRET);
        JsonNode lines = as("ops").getForObject("/api/customers/" + customerNo + "/voip-lines", JsonNode.class);
        assertThat(lines.findValuesAsText("did")).containsExactly(legacy.did(1));
        JsonNode arrangements = as("ops").getForObject("/api/customers/" + customerNo + "/arrangements", JsonNode.class);
        assertThat(arrangements.findValuesAsText("status")).containsExactly("open");
        JsonNode ips = as("ops").getForObject("/api/customers/" + customerNo + "/ip-history?at=2025-03-15T10:00", JsonNode.class);
        assertThat(ips.findValuesAsText("ip")).containsExactly("10.2.0.1");

        // the collections rules judge an imported arrangement like any other; a re-import does not undo what they decided
        String arrangementNo = jdbc.sql("SELECT arrangement_no FROM automation.payment_arrangement WHERE legacy_accord_id = :id")
                .param("id", legacy.id(1)).query(String.class).single();
        assertThat(arrangementService.judge(arrangementNo, null).outcome()).isEqualTo("CUTOFF_DUE");
        JsonNode decisions = as("ops").getForObject("/api/customers/" + customerNo + "/decisions", JsonNode.class);
        assertThat(decisions.toString()).contains(arrangementNo).contains("CUTOFF_DUE");
        JsonNode again = importAndWait(legacy, false);
        assertCounts(again, "accord_paiement", new int[] {6, 0, 3, 3, 0});
        assertThat(as("ops").getForObject("/api/customers/" + customerNo + "/arrangements", JsonNode.class).findValuesAsText("status"))
                .containsExactly("broken");
    }

    @Test
    void aDryRunReportsWhatWouldHappenAndWritesNothing() throws Exception {
        LegacyFixture legacy = new LegacyFixture(maria, 3).create();
        long customers = count("customer");
        long lines = count("voip_line");
        long auditRows = count("e911_address");

        JsonNode dry = importAndWait(legacy, true);

        assertThat(dry.path("dryRun").asBoolean()).isTrue();
        assertThat(dry.path("status").asText()).isEqualTo("finished");
        FIRST_IMPORT.forEach((table, counts) -> {
            // the one row only the database refuses (a second line for a DID) is counted as imported by a dry run
            int[] expected = table.equals("pbx") ? new int[] {5, 4, 0, 1, 3} : counts;
            assertCounts(dry, table, expected);
        });
        assertThat(count("customer")).isEqualTo(customers);
        assertThat(count("voip_line")).isEqualTo(lines);
        assertThat(count("e911_address")).isEqualTo(auditRows);
        for (String table : List.of("quote", "payment_arrangement", "work_order", "suspension", "ip_assignment", "ata_config")) {
            assertThat(jdbc.sql("SELECT count(*) FROM automation." + table + " WHERE legacy_hash IS NOT NULL AND "
                    + legacyColumn(table) + " BETWEEN :from AND :to").param("from", legacy.id(0)).param("to", legacy.id(999))
                    .query(Long.class).single()).as(table).isZero();
        }
    }

    @Test
    void aCrashMidTableIsResumedWhereItStoppedWithExactCounts() throws Exception {
        LegacyFixture legacy = new LegacyFixture(maria, 4).create();
        importer.batchSize(2);
        importer.beforeBatchCommit(table -> {
            if (table.equals("accord_paiement") && jdbc.sql("SELECT count(*) FROM automation.payment_arrangement WHERE legacy_accord_id BETWEEN :a AND :b")
                    .param("a", legacy.id(1)).param("b", legacy.id(9)).query(Long.class).single() > 2) {
                throw new IllegalStateException("simulated crash");
            }
        });
        ImportRequest request = new ImportRequest(legacy.url, "reader", "reader-pw", false, null);

        LegacyImports.Started crashed = imports.runInForeground(request, "test", LegacyImportProgress.NONE);

        ImportReport stopped = imports.report(crashed.id()).orElseThrow();
        assertThat(stopped.status()).isEqualTo("failed");
        assertThat(stopped.error()).isEqualTo("simulated crash");
        assertThat(stopped.tables().get("account").status()).isEqualTo("done");
        assertThat(stopped.tables().get("accord_paiement").status()).isEqualTo("running");
        assertThat(stopped.tables().get("accord_paiement").read()).isEqualTo(2);
        assertThat(stopped.tables().get("pbx").status()).isEqualTo("pending");
        assertThat(arrangementsOf(legacy)).containsExactly(legacy.id(1), legacy.id(2));

        importer.beforeBatchCommit(null);
        LegacyImports.Started dryRun = imports.runInForeground(new ImportRequest(legacy.url, "reader", "reader-pw", true, null), "test",
                LegacyImportProgress.NONE);
        assertThat(dryRun.resumed()).isFalse();
        assertThat(imports.report(crashed.id()).orElseThrow().status()).isEqualTo("failed");
        // a killed engine leaves its run marked running (and its lock freed with its connection): that one is resumed too
        jdbc.sql("UPDATE automation.legacy_import_run SET status = 'running', finished_at = NULL WHERE id = :id").param("id", crashed.id()).update();
        LegacyImports.Started resumed = imports.runInForeground(request, "test", LegacyImportProgress.NONE);

        assertThat(resumed.resumed()).isTrue();
        assertThat(resumed.id()).isEqualTo(crashed.id());
        ImportReport done = imports.report(resumed.id()).orElseThrow();
        assertThat(done.status()).isEqualTo("finished");
        FIRST_IMPORT.forEach((table, counts) -> {
            TableReport t = done.tables().get(table);
            assertThat(new int[] {t.read(), t.imported(), t.unchanged(), t.rejected(), t.repaired()}).as(table).containsExactly(counts);
        });
        assertThat(arrangementsOf(legacy)).containsExactly(legacy.id(1), legacy.id(2), legacy.id(3));
        assertThat(done.rejects()).hasSize(20);
    }

    @Test
    void aPartialCopyReportsMissingTablesAndImportsTheRest() throws Exception {
        LegacyFixture legacy = new LegacyFixture(maria, 5).create();
        legacy.drop("bon_travail_item");
        legacy.drop("ip_history");
        legacy.execute("ALTER TABLE account_suspension DROP COLUMN date_end");

        JsonNode report = importAndWait(legacy, false);

        assertThat(report.path("status").asText()).isEqualTo("finished");
        assertThat(report.path("tables").path("bon_travail_item").path("status").asText()).isEqualTo("missing");
        assertThat(report.path("tables").path("ip_history").path("status").asText()).isEqualTo("missing");
        assertThat(report.path("tables").path("ip_history").path("read").asInt()).isZero();
        assertThat(report.path("tables").path("account_suspension").path("status").asText()).isEqualTo("failed");
        assertThat(report.path("tables").path("account_suspension").path("message").asText()).contains("date_end");
        assertCounts(report, "pbx", FIRST_IMPORT.get("pbx"));
        assertCounts(report, "delivery_history", FIRST_IMPORT.get("delivery_history"));
    }

    @Test
    void secretsAreEncryptedOnTheWayInAndNeverLoggedOrReported(CapturedOutput output) throws Exception {
        LegacyFixture legacy = new LegacyFixture(maria, 6).create();
        int logStart = output.getAll().length();

        JsonNode report = importAndWait(legacy, false);
        String csv = csv(report.path("id").asLong());

        List<String> secrets = List.of(LegacyFixture.SIP_SECRET + 6 + "-1", LegacyFixture.VM_SECRET + 6 + "1", LegacyFixture.ATA_SECRET + 6 + "-1",
                legacy.bankSecret(), LegacyFixture.TOKEN_SECRET + 6, "reader-pw");
        for (String secret : secrets) {
            assertThat(scan.tablesContaining(secret)).as(secret).isEmpty();
            assertThat(report.toString()).as(secret).doesNotContain(secret);
            assertThat(csv).as(secret).doesNotContain(secret);
            assertThat(output.getAll().substring(logStart)).as(secret).doesNotContain(secret);
        }
        assertThat(decrypted(SecretColumn.SIP_PASSWORD, "did", legacy.did(1))).isEqualTo(LegacyFixture.SIP_SECRET + 6 + "-1");
        assertThat(decrypted(SecretColumn.VOICEMAIL_PIN, "did", legacy.did(1))).isEqualTo(LegacyFixture.VM_SECRET + 6 + "1");
        assertThat(decrypted(SecretColumn.ATA_PASSWORD, "legacy_phone_provisioning_id", legacy.id(1))).isEqualTo(LegacyFixture.ATA_SECRET + 6 + "-1");
        assertThat(decrypted(SecretColumn.PAYMENT_TOKEN, "legacy_key", "account_profile:" + legacy.id(1))).isEqualTo(LegacyFixture.TOKEN_SECRET + 6);
    }

    /** The secret of the row whose {@code keyColumn} is {@code key}, decrypted bound to that row. */
    private String decrypted(SecretColumn column, String keyColumn, Object key) {
        return jdbc.sql("SELECT id, " + column.column() + " FROM automation." + column.table() + " WHERE " + keyColumn + " = :key")
                .param("key", key).query((rs, n) -> cipher.decrypt(rs.getBytes(2), column, rs.getLong(1))).single();
    }

    @Test
    void theCsvReportEscapesFormulaCells() throws Exception {
        LegacyFixture legacy = new LegacyFixture(maria, 7).create();
        legacy.execute("UPDATE delivery SET zip = '=1+2' WHERE id = " + legacy.id(3));
        legacy.execute("UPDATE pbx SET phone = '-1' WHERE id = " + legacy.id(4));

        JsonNode report = importAndWait(legacy, false);
        String csv = csv(report.path("id").asLong());

        assertThat(csv).startsWith("record,table,status,read,imported,unchanged,rejected,repaired,legacy_id,field,reason\n");
        assertThat(csv).contains("table,account,done,5,3,0,2,1,,,\n");
        assertThat(csv).contains("reject,delivery,,,,,,," + legacy.id(3) + ",zip,'=1+2' is not a Canadian postal code\n");
        assertThat(csv.lines().flatMap(l -> java.util.Arrays.stream(l.split(",")))).noneMatch(cell -> cell.matches("^[=+\\-@].*"));
        assertThat(csv).contains("reject,pbx,,,,,,," + legacy.id(4) + ",phone,'-1' is not a 10-digit North American number\n");
        assertThat(ImportReportCsv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(ImportReportCsv.cell("+33")).isEqualTo("'+33");
        assertThat(ImportReportCsv.cell("-2")).isEqualTo("'-2");
        assertThat(ImportReportCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(csv.lines().filter(l -> l.startsWith("reject,")).count()).isEqualTo(20);
    }

    @Test
    void theCommandLineImportsInTheForegroundWithAProgressBar(CapturedOutput output) throws Exception {
        LegacyFixture legacy = new LegacyFixture(maria, 8).create();
        int logStart = output.getAll().length();

        int dry = command.importLegacy(new DefaultApplicationArguments("--import-legacy", "--legacy-url=" + legacy.url, "--legacy-user=reader",
                "--legacy-password=reader-pw", "--dry-run"));
        int real = command.importLegacy(new DefaultApplicationArguments("--import-legacy", "--legacy-url=" + legacy.url, "--legacy-user=reader",
                "--legacy-password=reader-pw", "--tables=account,delivery,pbx"));
        int refused = command.importLegacy(new DefaultApplicationArguments("--import-legacy", "--legacy-url=jdbc:mysql://x/y", "--legacy-user=reader"));

        assertThat(dry).isZero();
        assertThat(real).isZero();
        assertThat(refused).isEqualTo(2);
        String printed = output.getAll().substring(logStart);
        assertThat(printed).contains("dry run, nothing written, finished");
        assertThat(printed).containsPattern("pbx +\\[#{30}\\] +5/5 +[0-9,]+ rows/s  ETA 0:00");
        assertThat(printed).contains("Import refused: jdbcUrl: must be a MariaDB JDBC URL");
        assertThat(printed).doesNotContain("reader-pw");
        assertThat(jdbc.sql("SELECT count(*) FROM automation.voip_line WHERE legacy_pbx_id BETWEEN :a AND :b").param("a", legacy.id(1))
                .param("b", legacy.id(9)).query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM automation.payment_arrangement WHERE legacy_accord_id BETWEEN :a AND :b").param("a", legacy.id(1))
                .param("b", legacy.id(9)).query(Long.class).single()).isZero();
        assertThat(ConsoleProgress.line("ip_history", 500, 2000, 2.0, 500)).isEqualTo(
                "ip_history           [########----------------------]     500/2,000      250 rows/s  ETA 0:06");
    }

    @Test
    void aBadOrUnreachableSourceIsAClearProblemAndOnlyAdminsImport() {
        assertProblem(Map.of("jdbcUrl", "jdbc:postgresql://localhost/x", "user", "u"), HttpStatus.UNPROCESSABLE_ENTITY, "jdbcUrl", "MariaDB JDBC URL");
        assertProblem(Map.of("jdbcUrl", "jdbc:mariadb://127.0.0.1:1/legacy", "user", "u", "password", "p"), HttpStatus.UNPROCESSABLE_ENTITY,
                "jdbcUrl", "cannot connect to the legacy database");
        assertProblem(Map.of("jdbcUrl", maria.url("legacy_1") + "?password=x", "user", "u"), HttpStatus.UNPROCESSABLE_ENTITY, "jdbcUrl",
                "own fields");
        assertProblem(Map.of("jdbcUrl", maria.url("mysql"), "user", "reader", "password", "wrong"), HttpStatus.UNPROCESSABLE_ENTITY, "password",
                "refused this user and password");
        assertProblem(Map.of("jdbcUrl", maria.url("legacy_1"), "user", "reader", "password", "reader-pw", "tables", List.of("pbx", "invoice")),
                HttpStatus.UNPROCESSABLE_ENTITY, "tables", "unknown legacy table(s) invoice");
        assertProblem(Map.of("user", "reader"), HttpStatus.BAD_REQUEST, "jdbcUrl", "must not be blank");
        assertProblem(Map.of("jdbcUrl", "jdbc:mariadb://127.0.0.1:notaport/legacy", "user", "u"), HttpStatus.UNPROCESSABLE_ENTITY, "jdbcUrl", "");
        assertProblem(Map.of("jdbcUrl", "jdbc:mariadb://no-such-host.invalid:3306/legacy", "user", "u"), HttpStatus.UNPROCESSABLE_ENTITY, "jdbcUrl",
                "cannot connect to the legacy database");

        ResponseEntity<JsonNode> ops = as("ops").postForEntity("/api/admin/imports",
                Map.of("jdbcUrl", maria.url("legacy_1"), "user", "reader", "password", "reader-pw"), JsonNode.class);
        assertThat(ops.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> unknown = as("admin").getForEntity("/api/admin/imports/987654321", JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        HttpHeaders csv = new HttpHeaders();
        csv.set(HttpHeaders.ACCEPT, "text/csv");
        ResponseEntity<String> unknownCsv = as("admin").exchange("/api/admin/imports/987654321", HttpMethod.GET, new HttpEntity<>(csv), String.class);
        assertThat(unknownCsv.getStatusCode().is4xxClientError()).as(unknownCsv.toString()).isTrue();
    }

    private void assertProblem(Map<String, Object> body, HttpStatus status, String field, String message) {
        ResponseEntity<JsonNode> answer = as("admin").postForEntity("/api/admin/imports", body, JsonNode.class);
        assertThat(answer.getStatusCode()).as(body.toString()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(answer.getBody().path("errors").get(0).path("field").asText()).isEqualTo(field);
        assertThat(answer.getBody().path("errors").get(0).path("message").asText()).contains(message);
    }

    private JsonNode importAndWait(LegacyFixture legacy, boolean dryRun) throws InterruptedException {
        Map<String, Object> body = new HashMap<>(Map.of("jdbcUrl", legacy.url, "user", "reader", "password", "reader-pw", "dryRun", dryRun));
        ResponseEntity<JsonNode> started = as("admin").postForEntity("/api/admin/imports", body, JsonNode.class);
        assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        long id = started.getBody().path("id").asLong();
        return org.awaitility.Awaitility.await("import " + id + " finished").atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> as("admin").getForObject("/api/admin/imports/" + id, JsonNode.class),
                        report -> !report.path("status").asText().equals("running"));
    }

    private String csv(long id) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, "text/csv");
        ResponseEntity<String> answer = as("admin").exchange("/api/admin/imports/" + id, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("text/csv");
        return answer.getBody();
    }

    private static void assertCounts(JsonNode report, String table, int[] expected) {
        JsonNode t = report.path("tables").path(table);
        assertThat(new int[] {t.path("read").asInt(), t.path("imported").asInt(), t.path("unchanged").asInt(), t.path("rejected").asInt(),
                t.path("repaired").asInt()}).as(table + " read/imported/unchanged/rejected/repaired").containsExactly(expected);
        assertThat(t.path("status").asText()).as(table).isEqualTo("done");
    }

    private static List<String> rejects(JsonNode report) {
        List<String> rejects = new ArrayList<>();
        report.path("rejects").forEach(r -> rejects.add(r.path("table").asText() + "/" + r.path("legacyId").asText() + "/"
                + r.path("field").asText() + "/" + r.path("reason").asText()));
        return rejects;
    }

    private long customerOf(long legacyAccountId) {
        return jdbc.sql("SELECT id FROM automation.customer WHERE legacy_account_id = :id").param("id", legacyAccountId).query(Long.class).single();
    }

    private List<Long> arrangementsOf(LegacyFixture legacy) {
        return jdbc.sql("SELECT legacy_accord_id FROM automation.payment_arrangement WHERE legacy_accord_id BETWEEN :a AND :b ORDER BY legacy_accord_id")
                .param("a", legacy.id(1)).param("b", legacy.id(9)).query(Long.class).list();
    }

    private static String legacyColumn(String table) {
        return switch (table) {
            case "quote" -> "legacy_soumission_id";
            case "payment_arrangement" -> "legacy_accord_id";
            case "work_order" -> "legacy_bon_travail_id";
            case "suspension" -> "legacy_suspension_id";
            case "ip_assignment" -> "legacy_ip_history_id";
            default -> "legacy_phone_provisioning_id";
        };
    }
}
