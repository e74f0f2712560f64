package ca.gigafibre.automation.collections;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.demo.DemoDataGenerator;
import ca.gigafibre.automation.testing.BusinessDayClock;
import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The nightly sweep over generated accounts: starts or correlates what is out of step, and nothing the second time. */
class CollectionsSweepTest extends IntegrationTest {

    @Autowired
    DemoDataGenerator generator;

    @Autowired
    TestCustomers customers;

    @Autowired
    RuntimeService runtime;

    @Autowired
    BusinessDayClock clock;

    @Autowired
    ca.gigafibre.automation.testing.Jobs jobs;

    @Autowired
    org.camunda.bpm.engine.HistoryService history;

    @AfterEach
    void realClock() {
        clock.reset();
    }

    @Test
    void findsDriftStartsWhatIsMissingAndTheSecondRunStartsNothing() {
        generator.generate(0.02, 7, true);
        jdbc.sql("UPDATE automation.collections_case SET closed_at = now(), outcome = 'cancelled' WHERE closed_at IS NULL").update();
        clock.businessDay();
        String overdue = customers.create("SweepOverdue", false, false, false);
        customers.overdueInvoice(overdue, new BigDecimal("80.00"), 45);
        String paidElsewhere = customers.create("SweepPaid", false, false, false);
        String invoice = as("ops").postForObject("/api/invoices", Map.of("customerId", paidElsewhere,
                "issueDate", ca.gigafibre.automation.platform.time.BusinessTime.today().toString(),
                "dueDate", ca.gigafibre.automation.platform.time.BusinessTime.today().plusDays(21).toString(),
                "lines", java.util.List.of(Map.of("description", "Fibre", "quantity", 1, "unitPrice", "10.00"))), JsonNode.class).path("id").asText();
        jobs.runDue(invoice);   // the invoice's process runs up to its wait for the payment
        jdbc.sql("UPDATE automation.invoice SET amount_paid = total, status = 'paid' WHERE invoice_no = :no").param("no", invoice).update();
        long suspendedWithNothingOwed = jdbc.sql("""
                SELECT count(*) FROM automation.customer c
                WHERE exists(SELECT 1 FROM automation.suspension s WHERE s.customer_id = c.id AND s.started_at IS NOT NULL AND s.ended_at IS NULL)
                  AND NOT exists(SELECT 1 FROM automation.invoice i WHERE i.customer_id = c.id AND i.status = 'open')
                """).query(Long.class).single();

        JsonNode first = as("ops").postForObject("/api/collections/sweeps", null, JsonNode.class);
        JsonNode second = as("ops").postForObject("/api/collections/sweeps", null, JsonNode.class);

        assertThat(suspendedWithNothingOwed).isPositive();
        assertThat(first.path("reactivationsStarted").asLong()).isEqualTo(suspendedWithNothingOwed);
        assertThat(first.path("paymentsCorrelated").asInt()).isGreaterThanOrEqualTo(1);
        long overdueWithoutCase = first.path("casesOpened").asLong();
        assertThat(overdueWithoutCase).isEqualTo(jdbc.sql("SELECT count(*) FROM automation.collections_case WHERE opened_by = 'sweep'")
                .query(Long.class).single());
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("account-collections").processInstanceBusinessKey(overdue).count()).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("suspension").processInstanceBusinessKey(overdue).count()).isZero();
        jobs.runDue(invoice);   // the paid invoice's process ends through its event subprocess (an asynchronous step)
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(invoice).count()).isZero();
        assertThat(second.path("reactivationsStarted").asInt()).isZero();
        assertThat(second.path("casesOpened").asInt()).isZero();
        assertThat(second.path("casesCleared").asInt()).isZero();
        assertThat(second.path("paymentsCorrelated").asInt()).isZero();
        assertThat(second.path("accounts").asInt()).isEqualTo(first.path("accounts").asInt());
    }


    @Test
    void twoSweepsAtOnceOpenOneCasePerAccount() throws Exception {
        clock.businessDay();
        List<String> overdue = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String customer = customers.create("Parallel" + i, false, false, false);
            customers.overdueInvoice(customer, new BigDecimal("50.00"), 35);
            overdue.add(customer);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<JsonNode>> sweeps = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                sweeps.add(pool.submit(() -> {
                    go.await();
                    return as("ops").postForObject("/api/collections/sweeps", null, JsonNode.class);
                }));
            }
            go.countDown();
            int opened = 0;
            for (java.util.concurrent.Future<JsonNode> sweep : sweeps) {
                opened += sweep.get(2, java.util.concurrent.TimeUnit.MINUTES).path("casesOpened").asInt();
            }
            for (String customer : overdue) {
                assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("account-collections").processInstanceBusinessKey(customer)
                        .count()).isEqualTo(1);
                assertThat(jdbc.sql("""
                        SELECT count(*) FROM automation.collections_case k JOIN automation.customer c ON c.id = k.customer_id
                        WHERE c.customer_no = :no AND k.closed_at IS NULL""").param("no", customer).query(Long.class).single()).isEqualTo(1);
            }
            assertThat(opened).isGreaterThanOrEqualTo(overdue.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSweepWhileTheCaseSuspendsStartsNoSecondSuspensionAndSendsNoSecondNotice() {
        clock.businessDay();
        String customer = customers.create("SweepDuringCase", false, false, false);
        customers.overdueInvoice(customer, new BigDecimal("80.00"), 35);
        as("ops").postForObject("/api/collections/sweeps", null, JsonNode.class);
        jobs.runDue(customer);

        clock.at(clock.nextCutDay(ca.gigafibre.automation.platform.time.BusinessTime.today().plusDays(31)));
        jobs.runDue(customer);   // collections delay passed: the case calls the suspension, which sends the cutoff notice
        as("ops").postForObject("/api/collections/sweeps", null, JsonNode.class);
        jobs.runDue(customer);
        customers.textsDelivered(customer);   // Twilio reports the notice delivered: it counts
        clock.at(clock.nextCutDay(ca.gigafibre.automation.platform.time.BusinessTime.today().plusDays(5)));
        jobs.runDue(customer);   // notice period over: cut
        as("ops").postForObject("/api/collections/sweeps", null, JsonNode.class);
        jobs.runDue(customer);

        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("suspension").processInstanceBusinessKey(customer).count())
                .isEqualTo(1);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("account-collections").processInstanceBusinessKey(customer)
                .count()).isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM automation.collection_notice n JOIN automation.customer c ON c.id = n.customer_id WHERE c.customer_no = :no
                """).param("no", customer).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM automation.suspension s JOIN automation.customer c ON c.id = s.customer_id
                WHERE c.customer_no = :no AND s.ended_at IS NULL""").param("no", customer).query(Long.class).single()).isEqualTo(1);
    }
}
