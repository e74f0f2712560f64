package ca.gigafibre.automation.collections;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.demo.DemoDataGenerator;
import ca.gigafibre.automation.support.BusinessDayClock;
import ca.gigafibre.automation.support.IntegrationTest;
import ca.gigafibre.automation.support.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
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
    ca.gigafibre.automation.support.Jobs jobs;

    @AfterEach
    void realClock() {
        clock.reset();
    }

    @Test
    void findsDriftStartsWhatIsMissingAndTheSecondRunStartsNothing() {
        generator.generate(0.02, 7, true);
        clock.businessDay();
        String overdue = customers.create("SweepOverdue", false, false, false);
        customers.overdueInvoice(overdue, new BigDecimal("80.00"), 45);
        String paidElsewhere = customers.create("SweepPaid", false, false, false);
        String invoice = as("ops").postForObject("/api/invoices", Map.of("customerId", paidElsewhere,
                "issueDate", ca.gigafibre.automation.platform.time.BusinessTime.today().toString(),
                "dueDate", ca.gigafibre.automation.platform.time.BusinessTime.today().plusDays(21).toString(),
                "lines", java.util.List.of(Map.of("description", "Fibre", "quantity", 1, "unitPrice", "10.00"))), JsonNode.class).path("id").asText();
        runtime.startProcessInstanceByKey("billing-collections", invoice, Map.of("invoiceId", invoice, "customerId", paidElsewhere,
                "dueDate", new java.util.Date(System.currentTimeMillis() + 30L * 86_400_000L)));
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
        assertThat(first.path("suspensionsStarted").asInt()).isPositive();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("suspension").processInstanceBusinessKey(overdue).count()).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(invoice).count()).isZero();
        assertThat(second.path("reactivationsStarted").asInt()).isZero();
        assertThat(second.path("suspensionsStarted").asInt()).isZero();
        assertThat(second.path("paymentsCorrelated").asInt()).isZero();
        assertThat(second.path("accounts").asInt()).isEqualTo(first.path("accounts").asInt());
    }

}
