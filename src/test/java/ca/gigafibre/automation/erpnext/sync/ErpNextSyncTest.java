package ca.gigafibre.automation.erpnext.sync;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.adapter.fake.FakeExternalSystems;
import ca.gigafibre.automation.billing.run.BillingRunService;
import ca.gigafibre.automation.demo.DemoDataGenerator;
import ca.gigafibre.automation.demo.ErpNextDemoData;
import ca.gigafibre.automation.erpnext.ErpNextSettings;
import ca.gigafibre.automation.erpnext.sync.SyncRunView.Counts;
import ca.gigafibre.automation.testing.IntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The master-data sync against the fake ERPNext: what each doctype becomes, paging, increments, rejects, failures. */
class ErpNextSyncTest extends IntegrationTest {

    @Autowired
    FakeExternalSystems fakes;

    @Autowired
    ErpNextSyncRunner runner;

    @Autowired
    SyncRuns runs;

    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;

    @Autowired
    DataSource dataSource;

    @Autowired
    BillingRunService billingRuns;

    @Autowired
    ca.gigafibre.automation.billing.ppa.PpaFactsLoader ppaFacts;

    @Autowired
    DemoDataGenerator generator;

    @Autowired
    ErpNextDemoData demoData;

    ErpNextSyncs syncs;

    @BeforeEach
    void freshErpNext() {
        fakes.reset();
        jdbc.sql("DELETE FROM automation.erpnext_sync_watermark").update();
        syncs = new ErpNextSyncs(new ErpNextSettings(true, null, null, null, 0, null, null), runner, runs, dataSource);
    }

    @Test
    void aFirstSyncCreatesEveryDoctypeWithExactCounts() {
        ErpMasterData erp = new ErpMasterData(fakes.erpNext()).enterAll();

        SyncRunView run = sync();

        assertThat(run.status()).isEqualTo("completed");
        assertThat(run.rejects()).isEmpty();
        assertThat(run.doctypes()).containsEntry("Customer", new Counts(2, 2, 0, 0, 0)).containsEntry("Item", new Counts(2, 2, 0, 0, 0))
                .containsEntry("Item Price", new Counts(3, 3, 0, 0, 0)).containsEntry("Service Location", new Counts(1, 1, 0, 0, 0))
                .containsEntry("Service Equipment", new Counts(1, 1, 0, 0, 0)).containsEntry("Service Subscription", new Counts(3, 3, 0, 0, 0))
                .containsEntry("Dispatch Technician", new Counts(1, 1, 0, 0, 0));
        assertThat(List.copyOf(run.doctypes().keySet()).subList(0, 7)).containsExactly("Customer", "Item", "Item Price", "Service Location",
                "Service Equipment", "Service Subscription", "Dispatch Technician");

        assertThat(row("SELECT first_name || '|' || last_name || '|' || status || '|' || language || '|' || is_commercial FROM automation.customer WHERE customer_no = ?",
                erp.person)).isEqualTo("Marie|Tremblay|active|fr|false");
        assertThat(row("SELECT company_name || '|' || is_commercial || '|' || language || '|' || default_price_list FROM automation.customer WHERE customer_no = ?",
                erp.company)).isEqualTo("Boulangerie " + erp.p + " inc.|true|en|Commercial");
        assertThat(row("SELECT price || '|' || billing_frequency || '|' || category || '|' || download_mbps || '|' || olt_profile || '|' || active FROM automation.plan WHERE sku = ?",
                erp.fibre)).isEqualTo("74.95|monthly|internet|300|FTTH-300|true");
        assertThat(row("SELECT price || '|' || billing_frequency FROM automation.plan WHERE sku = ?", erp.domain)).isEqualTo("25.00|annual");
        assertThat(row("SELECT street_number || '|' || street_name || '|' || postal_code || '|' || province || '|' || olt_port FROM automation.service_location WHERE location_no = ?",
                erp.location)).isEqualTo("480|Rue Dufferin|J2G 8E5|QC|1/2/3");
        assertThat(row("SELECT kind || '|' || status || '|' || serial FROM automation.equipment WHERE equipment_no = ?", erp.ont))
                .isEqualTo("ont|installed|" + erp.p + "SN1");
        assertThat(row("SELECT t.skills::text FROM automation.technician t WHERE technician_no = ?", erp.technician))
                .isEqualTo("{\"voip\": 2, \"fibre\": 4}");

        // the tests' cut-over is 2000-01 (application-test.yaml): these subscriptions started after it, so ERPNext billed none
        // of them and the engine bills them whole (billed through nothing); CutoverBilledThroughTest covers the ones before
        assertThat(row("SELECT unit_price || '|' || price_from_list || '|' || status || '|' || coalesce(billed_through::text, 'none') FROM automation.subscription WHERE subscription_no = ?",
                erp.listPriced)).isEqualTo("74.95|true|active|none");
        assertThat(row("SELECT unit_price || '|' || price_from_list FROM automation.subscription WHERE subscription_no = ?", erp.ownRate))
                .isEqualTo("79.00|false");
        assertThat(row("SELECT coalesce(billed_through::text, 'none') FROM automation.subscription WHERE subscription_no = ?", erp.annual))
                .isEqualTo("none");
    }

    /**
     * The demo's ERPNext is filled from the engine's own rows: read back, every document is the row it came from (a person's
     * and a company's names, a landline, a closed account, an apartment, an item's English name, the price lists).
     */
    @Test
    void theDemosErpNextSyncsBackUnchanged() {
        generator.generate(0.02, 11, true);
        demoData.fill();
        String before = rowVersions("");

        SyncRunView run = sync();

        assertThat(run.status()).isEqualTo("completed");
        assertThat(run.rejects()).isEmpty();
        run.doctypes().forEach((doctype, counts) -> {
            assertThat(counts.created()).as(doctype + " created").isZero();
            assertThat(counts.updated()).as(doctype + " updated").isZero();
            assertThat(counts.unchanged()).as(doctype + " unchanged").isEqualTo(counts.read());
        });
        assertThat(run.doctypes().get("Customer").read()).isEqualTo((int) count("customer"));
        assertThat(rowVersions("")).isEqualTo(before);   // not one row rewritten
    }

    @Test
    void pagesPastFiveHundredEveryCustomerOnce() {
        String p = new ErpMasterData(fakes.erpNext()).p;
        for (int i = 1; i <= 1203; i++) {
            fakes.erpNext().put("Customer", Map.of("name", "C-" + p + "-" + i, "customer_name", "Client " + i, "customer_type", "Individual",
                    "disabled", 0));
        }

        SyncRunView run = sync();

        assertThat(run.doctypes().get("Customer")).isEqualTo(new Counts(1203, 1203, 0, 0, 0));
        assertThat(jdbc.sql("SELECT count(*) FROM automation.customer WHERE customer_no LIKE ?").param("C-" + p + "-%").query(Long.class).single())
                .isEqualTo(1203);
        assertThat(fakes.erpNext().listCalls("Customer")).isEqualTo(3);
    }

    @Test
    void aSecondSyncWithNothingChangedReadsNothingAndARereadWritesNothing() {
        ErpMasterData erp = new ErpMasterData(fakes.erpNext()).enterAll();
        sync();
        String before = rowVersions(erp.p);

        SyncRunView second = sync();
        assertThat(second.doctypes().values().stream().mapToInt(Counts::read).sum()).isZero();

        // read everything again: every document unchanged, and no row was even rewritten (same row versions)
        jdbc.sql("DELETE FROM automation.erpnext_sync_watermark").update();
        SyncRunView reread = sync();
        assertThat(reread.doctypes().get("Customer")).isEqualTo(new Counts(2, 0, 0, 2, 0));
        assertThat(reread.doctypes().get("Service Subscription")).isEqualTo(new Counts(3, 0, 0, 3, 0));
        assertThat(reread.doctypes().get("Dispatch Technician")).isEqualTo(new Counts(1, 0, 0, 1, 0));
        assertThat(rowVersions(erp.p)).isEqualTo(before);
    }

    @Test
    void aPriceChangeANewSubscriptionAndACancellationArePickedUpIncrementally() {
        ErpMasterData erp = new ErpMasterData(fakes.erpNext()).enterAll();
        sync();

        fakes.erpNext().change("Item Price", erp.p + "-IP1", Map.of("price_list_rate", "77.95"));
        erp.subscription("SUB-" + erp.p + "-4", erp.company, erp.domain, "30.00", "2026-01-01", "Active");
        fakes.erpNext().change("Service Subscription", erp.ownRate, Map.of("status", "Cancelled", "end_date", "2026-10-31"));
        SyncRunView run = sync();

        assertThat(run.doctypes().get("Customer").read()).isZero();
        assertThat(run.doctypes().get("Item Price")).isEqualTo(new Counts(1, 0, 1, 0, 0));
        assertThat(run.doctypes().get("Service Subscription")).isEqualTo(new Counts(2, 1, 1, 0, 0));
        assertThat(row("SELECT price::text FROM automation.plan WHERE sku = ?", erp.fibre)).isEqualTo("77.95");
        assertThat(row("SELECT unit_price::text FROM automation.subscription WHERE subscription_no = ?", erp.listPriced)).isEqualTo("77.95");
        assertThat(row("SELECT unit_price::text FROM automation.subscription WHERE subscription_no = ?", erp.ownRate)).isEqualTo("79.00");
        assertThat(row("SELECT status || '|' || end_date FROM automation.subscription WHERE subscription_no = ?", erp.ownRate))
                .isEqualTo("cancelled|2026-10-31");
        assertThat(row("SELECT c.customer_no || '|' || s.unit_price FROM automation.subscription s JOIN automation.customer c ON c.id = s.customer_id WHERE s.subscription_no = ?",
                "SUB-" + erp.p + "-4")).isEqualTo(erp.company + "|30.00");
    }

    @Test
    void aCancellationEnteredInErpNextTakesTheServiceDownOnItsEndDateAsOneThroughTheApi() {
        ErpMasterData erp = new ErpMasterData(fakes.erpNext()).enterAll();
        sync();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("DEACT-" + erp.location).count()).isZero();

        fakes.erpNext().change("Service Subscription", erp.listPriced, Map.of("status", "Cancelled", "end_date", "2027-01-29"));
        sync();

        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("deactivation").processInstanceBusinessKey("DEACT-" + erp.location)
                .count()).isEqualTo(1);
        assertThat(row("SELECT status || '|' || end_date FROM automation.deactivation WHERE business_key = ?", "DEACT-" + erp.location))
                .isEqualTo("scheduled|2027-01-29");
        sync();   // read again: the same cancellation starts nothing more
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("DEACT-" + erp.location).count()).isEqualTo(1);
    }

    @Test
    void aSubscriptionOfAnUnknownCustomerIsRejectedAndTheRestIsSynced() {
        ErpMasterData erp = new ErpMasterData(fakes.erpNext()).enterAll();
        erp.subscription("SUB-" + erp.p + "-9", "C-" + erp.p + "-404", erp.fibre, "10.00", "2026-01-01", "Active");
        fakes.erpNext().put("Service Subscription", Map.of("name", "SUB-" + erp.p + "-8", "customer", erp.person, "item_code", erp.fibre,
                "start_date", "2026-13-01", "status", "Active"));

        SyncRunView run = sync();

        assertThat(run.status()).isEqualTo("completed");
        assertThat(run.doctypes().get("Service Subscription")).isEqualTo(new Counts(5, 3, 0, 0, 2));
        assertThat(run.rejects()).containsExactlyInAnyOrder(
                new DoctypeSync.SyncReject("Service Subscription", "SUB-" + erp.p + "-9", "customer", "unknown customer C-" + erp.p + "-404"),
                new DoctypeSync.SyncReject("Service Subscription", "SUB-" + erp.p + "-8", "start_date", "not a date (YYYY-MM-DD): 2026-13-01"));
        assertThat(jdbc.sql("SELECT count(*) FROM automation.subscription WHERE subscription_no LIKE ?").param("SUB-" + erp.p + "-%")
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aDisabledCustomerIsDisabledAndNeverBilled() {
        ErpMasterData erp = new ErpMasterData(fakes.erpNext());
        String disabled = "C-" + erp.p + "-7";
        String enabled = "C-" + erp.p + "-8";
        erp.customer(disabled, "Paul Disabled", true);
        erp.customer(enabled, "Anne Enabled", false);
        fakes.erpNext().put("Item", Map.of("name", erp.fibre, "item_code", erp.fibre, "item_name", "Fibre", "item_group", "Internet",
                "custom_billing_frequency", "Monthly"));
        erp.price(erp.p + "-IP1", erp.fibre, "Standard Selling", "60.00", "2020-01-01");
        erp.subscription("SUB-" + erp.p + "-7", disabled, erp.fibre, null, "2025-01-01", "Active");
        erp.subscription("SUB-" + erp.p + "-8", enabled, erp.fibre, null, "2025-01-01", "Active");
        sync();
        assertThat(row("SELECT status FROM automation.customer WHERE customer_no = ?", disabled)).isEqualTo("disabled");

        YearMonth period = YearMonth.now().plusMonths(1);
        billingRuns.execute(period);

        String invoicesOf = "SELECT count(*) FROM automation.invoice i JOIN automation.customer c ON c.id = i.customer_id WHERE c.customer_no = ?";
        assertThat(jdbc.sql(invoicesOf).param(enabled).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql(invoicesOf).param(disabled).query(Long.class).single()).isZero();

        // enabled again in ERPNext: active again, billed by the next run
        fakes.erpNext().change("Customer", disabled, Map.of("disabled", 0));
        sync();
        assertThat(row("SELECT status FROM automation.customer WHERE customer_no = ?", disabled)).isEqualTo("active");

        // an account disabled while it has an open invoice: the PPA rules see it disabled (never charged automatically)
        String invoice = row("SELECT i.invoice_no FROM automation.invoice i JOIN automation.customer c ON c.id = i.customer_id WHERE c.customer_no = ?",
                enabled);
        assertThat(ppaFacts.load(invoice).facts().isAccountDisabled()).isFalse();
        fakes.erpNext().change("Customer", enabled, Map.of("disabled", 1));
        sync();
        assertThat(ppaFacts.load(invoice).facts().isAccountDisabled()).isTrue();
    }

    @Test
    void erpNextDownFailsTheRunKeepsCommittedPagesAndTheNextRunResumes() {
        String p = new ErpMasterData(fakes.erpNext()).p;
        for (int i = 1; i <= 1203; i++) {
            fakes.erpNext().put("Customer", Map.of("name", "C-" + p + "-" + i, "customer_name", "Client " + i, "disabled", 0));
        }
        long first = syncs.runHere("test", new SyncProgress() {
            @Override
            public void pageDone(String doctype, int read) {
                fakes.erpNext().down(true);   // ERPNext goes down after the first page committed
            }
        });
        SyncRunView failed = runs.view(first).orElseThrow();
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.error()).contains("erpnext");
        assertThat(failed.doctypes().get("Customer")).isEqualTo(new Counts(500, 500, 0, 0, 0));

        fakes.erpNext().down(false);
        SyncRunView resumed = sync();
        assertThat(resumed.status()).isEqualTo("completed");
        assertThat(resumed.doctypes().get("Customer")).isEqualTo(new Counts(703, 703, 0, 0, 0));
        assertThat(jdbc.sql("SELECT count(*) FROM automation.customer WHERE customer_no LIKE ?").param("C-" + p + "-%").query(Long.class).single())
                .isEqualTo(1203);
    }

    @Test
    void theEnginesOwnIdsNeverTakeASyncedName() {
        long next = jdbc.sql("SELECT max(id) FROM automation.subscription").query(Long.class).optional().orElse(0L) + 3;
        String taken = String.format("SUB-%05d", next);
        ErpMasterData erp = new ErpMasterData(fakes.erpNext());
        erp.customer(erp.person, "Marie Tremblay", false);
        fakes.erpNext().put("Item", Map.of("name", erp.fibre, "item_code", erp.fibre, "item_name", "Fibre", "custom_billing_frequency", "Monthly"));
        fakes.erpNext().put("Service Subscription", Map.of("name", taken, "customer", erp.person, "item_code", erp.fibre, "rate", "50.00",
                "start_date", "2026-01-01", "status", "Active"));
        assertThat(sync().rejects()).isEmpty();

        for (int i = 0; i < 4; i++) {
            jdbc.sql("""
                    INSERT INTO automation.subscription (customer_id, plan_id, unit_price, billing_frequency, start_date)
                    SELECT c.id, p.id, 1, 'monthly', DATE '2026-01-01' FROM automation.customer c, automation.plan p
                    WHERE c.customer_no = ? AND p.sku = ?
                    """).params(erp.person, erp.fibre).update();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM automation.subscription WHERE subscription_no = ?").param(taken).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aSubscriptionTheEnginePostedComesBackOntoItsOwnRowNotACopy() {
        ErpMasterData erp = new ErpMasterData(fakes.erpNext());
        erp.customer(erp.person, "Marie Tremblay", false);
        fakes.erpNext().put("Item", Map.of("name", erp.fibre, "item_code", erp.fibre, "item_name", "Fibre", "custom_billing_frequency", "Monthly"));
        sync();
        String own = jdbc.sql("""
                INSERT INTO automation.subscription (customer_id, plan_id, unit_price, billing_frequency, status, start_date)
                SELECT c.id, p.id, 50, 'monthly', 'active', DATE '2026-01-01' FROM automation.customer c, automation.plan p
                WHERE c.customer_no = ? AND p.sku = ? RETURNING subscription_no
                """).params(erp.person, erp.fibre).query(String.class).single();
        fakes.erpNext().put("Service Subscription", Map.of("name", "SUB-" + erp.p + "-77", "custom_engine_id", own, "customer", erp.person,
                "item_code", erp.fibre, "rate", "55.00", "start_date", "2026-01-01", "status", "Active"));

        assertThat(sync().doctypes().get("Service Subscription")).isEqualTo(new Counts(1, 0, 1, 0, 0));
        assertThat(jdbc.sql("""
                SELECT string_agg(s.subscription_no || ':' || s.unit_price, ',') FROM automation.subscription s
                JOIN automation.customer c ON c.id = s.customer_id WHERE c.customer_no = ?
                """).param(erp.person).query(String.class).single()).isEqualTo(own + ":55.00");
    }

    @Test
    void aLegacyAccountAlreadyInTheEngineAndASerialOnAnotherDeviceAreRejectsNotStops() {
        ErpMasterData erp = new ErpMasterData(fakes.erpNext());
        int legacyAccount = 800000 + new java.util.Random().nextInt(99999);
        String imported = jdbc.sql("INSERT INTO automation.customer (first_name, last_name, legacy_account_id) VALUES ('Old', 'Import', ?) RETURNING customer_no")
                .param(legacyAccount).query(String.class).single();
        jdbc.sql("INSERT INTO automation.equipment (kind, serial, status) VALUES ('ont', ?, 'in-stock')").param(erp.p + "DUP").update();
        erp.customer(erp.person, "Marie Tremblay", false);
        fakes.erpNext().put("Customer", Map.of("name", erp.company, "customer_name", "Old Import", "legacy_account_id", legacyAccount));
        fakes.erpNext().put("Service Equipment", Map.of("name", "EQP-" + erp.p + "-1", "customer", erp.person, "equipment_type", "Router",
                "serial_no", erp.p + "OK", "status", "In Stock"));
        fakes.erpNext().put("Service Equipment", Map.of("name", "EQP-" + erp.p + "-2", "customer", erp.person, "equipment_type", "ONT",
                "serial_no", erp.p + "DUP", "status", "Installed"));

        SyncRunView run = sync();

        assertThat(run.status()).isEqualTo("completed");
        assertThat(run.doctypes().get("Customer")).isEqualTo(new Counts(2, 1, 0, 0, 1));
        assertThat(run.doctypes().get("Service Equipment")).isEqualTo(new Counts(2, 1, 0, 0, 1));
        assertThat(run.rejects()).containsExactlyInAnyOrder(
                new DoctypeSync.SyncReject("Customer", erp.company, "legacy_account_id",
                        "legacy account " + legacyAccount + " is already customer " + imported),
                new DoctypeSync.SyncReject("Service Equipment", "EQP-" + erp.p + "-2", null,
                        "already taken by another row: Key (serial)=(" + erp.p + "DUP) already exists."));
        assertThat(row("SELECT kind || '|' || status FROM automation.equipment WHERE equipment_no = ?", "EQP-" + erp.p + "-1"))
                .isEqualTo("router|in-stock");
    }

    private SyncRunView sync() {
        return runs.view(syncs.runHere("test", SyncProgress.NONE)).orElseThrow();
    }

    private String row(String sql, String key) {
        return jdbc.sql(sql).param(key).query(String.class).single();
    }

    /** Every synced row of one test with its row version (xmin changes with every write, even one that changes nothing). */
    private String rowVersions(String p) {
        return jdbc.sql("""
                SELECT string_agg(k || ':' || v, ',' ORDER BY k) FROM (
                  SELECT customer_no AS k, xmin::text AS v FROM automation.customer WHERE customer_no LIKE '%' || :p || '%'
                  UNION ALL SELECT sku, xmin::text FROM automation.plan WHERE sku LIKE :p || '%'
                  UNION ALL SELECT erp_name, xmin::text FROM automation.item_price WHERE erp_name LIKE :p || '%'
                  UNION ALL SELECT location_no, xmin::text FROM automation.service_location WHERE location_no LIKE '%' || :p || '%'
                  UNION ALL SELECT equipment_no, xmin::text FROM automation.equipment WHERE equipment_no LIKE '%' || :p || '%'
                  UNION ALL SELECT subscription_no, xmin::text FROM automation.subscription WHERE subscription_no LIKE '%' || :p || '%'
                  UNION ALL SELECT technician_no, xmin::text FROM automation.technician WHERE technician_no LIKE '%' || :p || '%') r
                """).param("p", p).query(String.class).single();
    }
}
