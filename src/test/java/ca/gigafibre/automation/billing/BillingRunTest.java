package ca.gigafibre.automation.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.gigafibre.automation.billing.run.BillingRunService;
import ca.gigafibre.automation.billing.run.BillingRunView;
import ca.gigafibre.automation.demo.DemoDataGenerator;
import ca.gigafibre.automation.testing.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The monthly billing run over generated accounts: one invoice per billed account, one process per invoice, once. */
class BillingRunTest extends IntegrationTest {

    @Autowired
    DemoDataGenerator generator;

    @Autowired
    RuntimeService runtime;

    @Test
    void billsEveryActiveAccountOnceAndStartsItsCollectionsProcess() {
        generator.generate(0.02, 99, true);
        YearMonth period = YearMonth.now().plusMonths(1);
        long active = jdbc.sql("""
                SELECT count(DISTINCT c.id) FROM automation.customer c JOIN automation.subscription s ON s.customer_id = c.id
                WHERE c.status IN ('active', 'suspended') AND s.status IN ('active', 'suspended')
                """).query(Long.class).single();
        String midMonthCustomer = jdbc.sql("SELECT customer_no FROM automation.customer WHERE status = 'active' ORDER BY id LIMIT 1")
                .query(String.class).single();
        as("ops").postForEntity("/api/customers/" + midMonthCustomer + "/subscriptions", Map.of("sku", "TV-BASE",
                "startDate", period.atDay(16).toString()), JsonNode.class);

        ResponseEntity<JsonNode> started = as("ops").postForEntity("/api/billing/runs", Map.of("period", period.toString()), JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        long runId = started.getBody().path("id").asLong();
        await().atMost(Duration.ofSeconds(120)).until(() ->
                "completed".equals(as("ops").getForObject("/api/billing/runs/" + runId, JsonNode.class).path("status").asText()));

        JsonNode run = as("ops").getForObject("/api/billing/runs/" + runId, JsonNode.class);
        assertThat(run.path("invoices").asLong()).isEqualTo(active);
        assertThat(run.path("accounts").asLong()).isEqualTo(active);
        assertThat(run.path("started").asLong()).isEqualTo(active);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("billing-collections").count()).isGreaterThanOrEqualTo(active);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM automation.invoice WHERE billing_run_id = :run AND total <> subtotal + tps + tvq
                """).param("run", runId).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                SELECT l.amount FROM automation.invoice_line l JOIN automation.invoice i ON i.id = l.invoice_id
                JOIN automation.customer c ON c.id = i.customer_id
                WHERE i.billing_run_id = :run AND c.customer_no = :no AND l.sku = 'TV-BASE'
                """).param("run", runId).param("no", midMonthCustomer).query(java.math.BigDecimal.class).single())
                .isEqualByComparingTo(new java.math.BigDecimal("29.95").multiply(java.math.BigDecimal.valueOf(period.lengthOfMonth() - 15))
                        .divide(java.math.BigDecimal.valueOf(period.lengthOfMonth()), 2, java.math.RoundingMode.HALF_UP));

        ResponseEntity<JsonNode> again = as("ops").postForEntity("/api/billing/runs", Map.of("period", period.toString()), JsonNode.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().path("id").asLong()).isEqualTo(runId);
        assertThat(jdbc.sql("SELECT count(*) FROM automation.invoice WHERE billing_run_id = :run").param("run", runId).query(Long.class).single())
                .isEqualTo(active);
    }

    @Autowired
    BillingRunService runs;

    @Autowired
    ca.gigafibre.automation.billing.ppa.PpaFactsLoader ppaFacts;

    @Test
    void aChunksPpaFactsReadInOneRoundTripAreEachInvoicesOwn() {
        generator.generate(0.02, 97, true);
        java.util.List<String> invoices = jdbc.sql("SELECT invoice_no FROM automation.invoice ORDER BY id DESC LIMIT 40").query(String.class).list();
        java.util.Map<String, ca.gigafibre.automation.billing.ppa.PpaFactsLoader.Loaded> all = ppaFacts.loadAll(
                java.util.stream.Stream.concat(invoices.stream(), java.util.stream.Stream.of("INV-NONE")).toList());

        assertThat(invoices).hasSize(40);
        assertThat(all).hasSize(invoices.size()).doesNotContainKey("INV-NONE");
        for (String invoice : invoices) {
            assertThat(all.get(invoice)).as(invoice).usingRecursiveComparison().isEqualTo(ppaFacts.load(invoice));
        }
    }

    @Test
    void twoRunsOfOnePeriodAtOnceBillEachAccountOnceAndStartEachProcessOnce() throws Exception {
        generator.generate(0.02, 98, true);
        YearMonth period = YearMonth.now().plusMonths(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<BillingRunView>> both = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                both.add(pool.submit(() -> {
                    go.await();
                    return runs.execute(period);
                }));
            }
            go.countDown();
            for (java.util.concurrent.Future<BillingRunView> run : both) {
                assertThat(run.get(3, java.util.concurrent.TimeUnit.MINUTES).status()).isEqualTo("completed");
            }
        } finally {
            pool.shutdownNow();
        }

        long runId = runs.find(period).orElseThrow().id();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM (SELECT customer_id FROM automation.invoice WHERE billing_run_id = :run GROUP BY customer_id HAVING count(*) > 1) d
                """).param("run", runId).query(Long.class).single()).isZero();
        java.util.List<String> invoices = jdbc.sql("SELECT invoice_no FROM automation.invoice WHERE billing_run_id = :run AND status = 'open'")
                .param("run", runId).query(String.class).list();
        assertThat(invoices).isNotEmpty();
        java.util.Map<String, Long> instances = new java.util.HashMap<>();
        runtime.createProcessInstanceQuery().processDefinitionKey("billing-collections").list()
                .forEach(p -> instances.merge(p.getBusinessKey(), 1L, Long::sum));
        for (String invoice : invoices) {
            assertThat(instances.get(invoice)).as(invoice).isEqualTo(1L);
        }
    }

    @Autowired
    ca.gigafibre.automation.testing.TestCustomers customers;

    @Test
    void aSubscriptionAddedAfterItsPeriodsRunIsCaughtUpAndACancellationIsCredited() {
        generator.generate(0.02, 97, true);
        YearMonth first = YearMonth.now().plusMonths(1);
        String customer = customers.create("CatchUp", false, false, false);
        runs.execute(first);
        // entered after the run of its period: started on the 10th of that month
        JsonNode tv = as("ops").postForObject("/api/customers/" + customer + "/subscriptions", Map.of("sku", "TV-BASE",
                "startDate", first.atDay(10).toString()), JsonNode.class);

        runs.execute(first.plusMonths(1));

        java.util.List<Map<String, Object>> lines = jdbc.sql("""
                SELECT l.period_start, l.period_end, l.amount FROM automation.invoice_line l JOIN automation.invoice i ON i.id = l.invoice_id
                JOIN automation.customer c ON c.id = i.customer_id WHERE c.customer_no = :no AND l.sku = 'TV-BASE' ORDER BY l.period_start
                """).param("no", customer).query().listOfRows();
        java.math.BigDecimal month = new java.math.BigDecimal("29.95");
        int days = first.lengthOfMonth() - 9;
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("period_start").toString()).isEqualTo(first.atDay(10).toString());
        assertThat((java.math.BigDecimal) lines.get(0).get("amount")).isEqualByComparingTo(month.multiply(java.math.BigDecimal.valueOf(days))
                .divide(java.math.BigDecimal.valueOf(first.lengthOfMonth()), 2, java.math.RoundingMode.HALF_UP));
        assertThat((java.math.BigDecimal) lines.get(1).get("amount")).isEqualByComparingTo(month);

        // cancelled afterwards, effective the 20th of the first month: the days billed after it come back as a credit
        assertThat(as("ops").postForEntity("/api/subscriptions/" + tv.path("id").asText() + "/cancellation",
                Map.of("endDate", first.atDay(20).toString(), "reason", "déménagement"), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        runs.execute(first.plusMonths(2));

        java.math.BigDecimal net = jdbc.sql("""
                SELECT sum(l.amount) FROM automation.invoice_line l JOIN automation.invoice i ON i.id = l.invoice_id
                JOIN automation.customer c ON c.id = i.customer_id WHERE c.customer_no = :no AND l.sku = 'TV-BASE'
                """).param("no", customer).query(java.math.BigDecimal.class).single();
        assertThat(net).isEqualByComparingTo(month.multiply(java.math.BigDecimal.valueOf(11))
                .divide(java.math.BigDecimal.valueOf(first.lengthOfMonth()), 2, java.math.RoundingMode.HALF_UP));   // the 10th to the 20th
    }

    @Test
    void periodIsValidated() {
        ResponseEntity<JsonNode> bad = as("ops").postForEntity("/api/billing/runs", Map.of("period", "2026-13"), JsonNode.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().path("errors").get(0).path("field").asText()).isEqualTo("period");
        ResponseEntity<JsonNode> ahead = as("ops").postForEntity("/api/billing/runs", Map.of("period", "2099-01"), JsonNode.class);
        assertThat(ahead.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }
}
