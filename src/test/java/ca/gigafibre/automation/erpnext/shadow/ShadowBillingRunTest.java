package ca.gigafibre.automation.erpnext.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.gigafibre.automation.adapter.fake.FakeErpNext;
import ca.gigafibre.automation.adapter.fake.FakeExternalSystems;
import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Shadow billing runs against the fake ERPNext. The fixture: five customers, each with one 70.00 $ monthly plan starting in
 * May 2003 (no other test bills that early), so the engine computes 70.00 net, 80.48 with taxes for each. ERPNext billed
 * three of them the same (one through an invoice and its return, one without a service period), one at 75.00, and not
 * the fifth: exactly the last two drift.
 */
class ShadowBillingRunTest extends IntegrationTest {

    private static final String PERIOD = "2003-05";

    @Autowired
    FakeExternalSystems fakes;

    @Autowired
    TestCustomers customers;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ShadowRunExecution execution;

    @Autowired
    Scheduler scheduler;

    private FakeErpNext erp;
    private final List<String> fixture = new ArrayList<>();

    @BeforeEach
    void fixture() {
        erp = fakes.erpNext();
        erp.clear();
        jdbc.sql("""
                INSERT INTO automation.plan (sku, name_fr, name_en, price, billing_frequency) VALUES ('SHD-FIB', 'Fibre ombre', 'Shadow fibre', 70.00, 'monthly')
                ON CONFLICT (sku) DO NOTHING
                """).update();
        // the previous test's fixture leaves the period (a shadow run wrote nothing that refers to it)
        jdbc.sql("DELETE FROM automation.subscription WHERE plan_id = (SELECT id FROM automation.plan WHERE sku = 'SHD-FIB')").update();
        for (String name : List.of("OmbreEgal", "OmbreRetour", "OmbreSansPeriode", "OmbrePrix", "OmbreAbsent")) {
            String customer = customers.create(name + fixture.size() + System.nanoTime() % 1000, false, false, false);
            jdbc.sql("""
                    INSERT INTO automation.subscription (customer_id, plan_id, quantity, unit_price, billing_frequency, status, start_date)
                    SELECT c.id, p.id, 1, 70.00, 'monthly', 'active', DATE '2003-05-01'
                    FROM automation.customer c, automation.plan p WHERE c.customer_no = :no AND p.sku = 'SHD-FIB'
                    """).param("no", customer).update();
            fixture.add(customer);
        }
        String equal = fixture.get(0);
        String withReturn = fixture.get(1);
        String withoutPeriod = fixture.get(2);
        String otherPrice = fixture.get(3);
        invoice("ACC-SINV-2003-00001", equal, "2003-05-01", "2003-05-31", "70.00", "80.48", Map.of());
        // what the engine itself posted, and another period: neither is ERPNext's billing of May
        invoice("ACC-SINV-2003-00002", equal, "2003-05-01", "2003-05-31", "70.00", "80.48", Map.of("custom_engine_id", "INV-0000001"));
        invoice("ACC-SINV-2003-00003", equal, "2003-04-01", "2003-04-30", "70.00", "80.48", Map.of());
        // 90.00 less a 20.00 return: 70.00 and 80.48 once netted
        invoice("ACC-SINV-2003-00004", withReturn, "2003-05-01", "2003-05-31", "90.00", "103.48", Map.of());
        invoice("ACC-SINV-2003-00005", withReturn, "2003-05-01", "2003-05-31", "-20.00", "-23.00",
                Map.of("is_return", 1, "return_against", "ACC-SINV-2003-00004"));
        invoice("ACC-SINV-2003-00006", withoutPeriod, null, null, "70.00", "80.48", Map.of());
        invoice("ACC-SINV-2003-00007", otherPrice, "2003-05-01", "2003-05-31", "75.00", "86.23", Map.of());
    }

    @Test
    void listsExactlyTheCustomersBilledDifferentlyWithBothSidesTotalsAndLines() {
        JsonNode run = shadowRun();

        assertThat(run.path("mode").asText()).isEqualTo("shadow");
        assertThat(run.path("engineCustomers").asInt()).isEqualTo(5);
        assertThat(run.path("erpCustomers").asInt()).isEqualTo(4);
        assertThat(run.path("drifting").asInt()).isEqualTo(2);
        JsonNode drift = as("ops").getForObject("/api/billing/runs/" + run.path("id").asLong() + "/drift", JsonNode.class);
        assertThat(drift).hasSize(2);
        JsonNode price = drift.get(0).path("customerId").asText().equals(fixture.get(3)) ? drift.get(0) : drift.get(1);
        JsonNode missing = price == drift.get(0) ? drift.get(1) : drift.get(0);
        assertThat(price.path("customerId").asText()).isEqualTo(fixture.get(3));
        assertThat(missing.path("customerId").asText()).isEqualTo(fixture.get(4));

        assertThat(price.path("engineNetTotal").decimalValue()).isEqualByComparingTo("70.00");
        assertThat(price.path("engineGrandTotal").decimalValue()).isEqualByComparingTo("80.48");
        assertThat(price.path("erpNetTotal").decimalValue()).isEqualByComparingTo("75.00");
        assertThat(price.path("erpGrandTotal").decimalValue()).isEqualByComparingTo("86.23");
        assertThat(price.path("engineLines")).hasSize(1);
        assertThat(price.path("engineLines").get(0).path("sku").asText()).isEqualTo("SHD-FIB");
        assertThat(price.path("engineLines").get(0).path("amount").decimalValue()).isEqualByComparingTo("70.00");
        assertThat(price.path("engineLines").get(0).path("from").asText()).isEqualTo("2003-05-01");
        assertThat(price.path("erpLines")).hasSize(1);
        assertThat(price.path("erpLines").get(0).path("document").asText()).isEqualTo("ACC-SINV-2003-00007");
        assertThat(price.path("erpLines").get(0).path("unitPrice").decimalValue()).isEqualByComparingTo("75.00");

        assertThat(missing.path("engineGrandTotal").decimalValue()).isEqualByComparingTo("80.48");
        assertThat(missing.path("erpNetTotal").decimalValue()).isEqualByComparingTo("0");
        assertThat(missing.path("erpGrandTotal").decimalValue()).isEqualByComparingTo("0");
        assertThat(missing.path("erpLines")).isEmpty();
    }

    @Test
    void billsNothingStartsNothingPostsNothingAndMovesNoBilledThroughDay() {
        long invoices = count("invoice");
        long lines = count("invoice_line");
        long processes = runtime.createProcessInstanceQuery().count();

        shadowRun();

        assertThat(count("invoice")).isEqualTo(invoices);
        assertThat(count("invoice_line")).isEqualTo(lines);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(processes);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM automation.subscription s JOIN automation.customer c ON c.id = s.customer_id
                WHERE c.customer_no IN (:fixture) AND s.billed_through IS NULL
                """).param("fixture", fixture).query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("SELECT count(*) FROM automation.billing_run WHERE period = :p").param("p", PERIOD).query(Long.class).single()).isZero();
        assertThat(erp.createCount("Sales Invoice")).isZero();
    }

    @Test
    void theDriftAsCsvHasOneRowPerDriftingCustomer() {
        long id = shadowRun().path("id").asLong();
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, "text/csv");

        ResponseEntity<String> csv = as("ops").exchange("/api/billing/runs/" + id + "/drift", HttpMethod.GET, new HttpEntity<>(headers), String.class);

        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<String> rows = csv.getBody().lines().toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).isEqualTo("customerId,engineNetTotal,engineGrandTotal,erpNetTotal,erpGrandTotal,engineLines,erpLines");
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith(fixture.get(3) + ",70.00,80.48,75.00,86.23,")
                .contains("ACC-SINV-2003-00007: SHD-FIB × 1 @ 75.00 = 75.00"));
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith(fixture.get(4) + ",70.00,80.48,0.00,0.00,"));
    }

    @Test
    void anUnknownModeIsABadRequestNamingIt() {
        ResponseEntity<JsonNode> bad = as("ops").postForEntity("/api/billing/runs", Map.of("period", PERIOD, "mode", "dry"), JsonNode.class);

        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().path("errors").get(0).path("field").asText()).isEqualTo("mode");
        assertThat(as("analyst").postForEntity("/api/billing/runs", Map.of("period", PERIOD, "mode", "shadow"), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aRunItsNodeLeftRunningIsComputedAgainByTheRecoveredJobWithExactDrift() {
        long id = jdbc.sql("INSERT INTO automation.shadow_run (period, requested_by) VALUES (:period, 'ops') RETURNING id")
                .param("period", PERIOD).query(Long.class).single();
        // what the first attempt wrote before its node died: a customer that does not differ
        jdbc.sql("""
                INSERT INTO automation.shadow_drift (run_id, customer_no, engine_net, engine_grand, erp_net, erp_grand, engine_lines, erp_lines)
                VALUES (:run, :customer, 1, 1, 2, 2, '[]', '[]')
                """).param("run", id).param("customer", fixture.get(0)).update();
        JobExecutionContext recovered = Mockito.mock(JobExecutionContext.class);
        Mockito.when(recovered.getMergedJobDataMap()).thenReturn(new JobDataMap(Map.of(ShadowRunJob.RUN_ID, String.valueOf(id))));
        Mockito.when(recovered.isRecovering()).thenReturn(true);

        new ShadowRunJob(execution).executeInternal(recovered);

        Map<String, Object> run = jdbc.sql("SELECT status, drifting, finished_at FROM automation.shadow_run WHERE id = :id").param("id", id)
                .query().singleRow();
        assertThat(run.get("status")).isEqualTo("completed");
        assertThat(run.get("drifting")).isEqualTo(2);
        assertThat(drifting(id)).containsExactlyInAnyOrder(fixture.get(3), fixture.get(4));

        new ShadowRunJob(execution).executeInternal(recovered);   // recovered once more after it finished: left as it is

        assertThat(jdbc.sql("SELECT finished_at FROM automation.shadow_run WHERE id = :id").param("id", id).query().singleValue())
                .isEqualTo(run.get("finished_at"));
        assertThat(drifting(id)).containsExactlyInAnyOrder(fixture.get(3), fixture.get(4));
    }

    @Test
    void theShadowRunIsADurableClusteredJobThatAnotherNodeRecovers() throws Exception {
        JobDetail job = scheduler.getJobDetail(ShadowRunJob.KEY);

        assertThat(job.isDurable()).isTrue();
        assertThat(job.requestsRecovery()).isTrue();
        assertThat(job.isConcurrentExecutionDisallowed()).isTrue();
    }

    private List<String> drifting(long runId) {
        return jdbc.sql("SELECT customer_no FROM automation.shadow_drift WHERE run_id = :id").param("id", runId).query(String.class).list();
    }

    private JsonNode shadowRun() {
        ResponseEntity<JsonNode> started = as("ops").postForEntity("/api/billing/runs", Map.of("period", PERIOD, "mode", "shadow"), JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        long id = started.getBody().path("id").asLong();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                !"running".equals(as("ops").getForObject("/api/billing/runs/" + id, JsonNode.class).path("status").asText()));
        JsonNode run = as("ops").getForObject("/api/billing/runs/" + id, JsonNode.class);
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("completed");
        return run;
    }

    private void invoice(String name, String customer, String from, String to, String net, String grand, Map<String, Object> more) {
        Map<String, Object> doc = new HashMap<>(Map.of("name", name, "customer", customer, "docstatus", 1, "is_return", 0,
                "posting_date", from == null ? "2003-05-01" : from, "net_total", new java.math.BigDecimal(net),
                "grand_total", new java.math.BigDecimal(grand)));
        if (from != null) {
            doc.put("from_date", from);
            doc.put("to_date", to);
        }
        java.math.BigDecimal amount = new java.math.BigDecimal(net);
        doc.put("items", List.of(Map.of("item_code", "SHD-FIB", "description", "Fibre", "qty", amount.signum() < 0 ? -1 : 1,
                "rate", amount.abs(), "amount", amount)));
        doc.putAll(more);
        erp.put("Sales Invoice", doc);
    }
}
