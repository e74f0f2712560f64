package ca.gigafibre.automation.billing;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.billing.run.BillingRunService;
import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A subscription cancelled before it ever started is billed nothing: no invoice line, no credit note. */
class NeverStartedSubscriptionTest extends IntegrationTest {

    @Autowired
    TestCustomers customers;

    @Autowired
    BillingRunService runs;

    @Test
    void aNeverActivatedSubscriptionCancelledIsNotBilledForTheDaysBeforeItsEndDate() {
        YearMonth period = YearMonth.now().plusMonths(1);
        String customer = customers.create("NeverActivated", false, false, false);
        String subscription = subscribe(customer, period.atDay(1), "pending");

        ResponseEntity<JsonNode> cancelled = cancel(subscription, period.atDay(20));
        assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(cancelled.getBody().path("status").asText()).isEqualTo("cancelled");
        runs.execute(period);

        assertThat(linesOf(subscription)).isZero();
        assertThat(invoicesOf(customer)).isZero();
    }

    @Test
    void aSubscriptionCancelledEffectiveBeforeItsStartDateIsAcceptedAndBilledNothing() {
        YearMonth period = YearMonth.now().plusMonths(1);
        String customer = customers.create("CancelledEarly", false, false, false);
        String subscription = subscribe(customer, period.atDay(15), "active");

        ResponseEntity<JsonNode> cancelled = cancel(subscription, LocalDate.now());
        assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
        runs.execute(period);
        runs.execute(period.plusMonths(1));

        assertThat(linesOf(subscription)).isZero();
        assertThat(invoicesOf(customer)).isZero();   // no invoice and no credit note
    }

    private String subscribe(String customer, LocalDate start, String status) {
        jdbc.sql("""
                INSERT INTO automation.plan (sku, name_fr, name_en, price, billing_frequency, category)
                VALUES ('TEST-NEVER', 'Télé jamais activée', 'Never activated TV', 29.95, 'monthly', 'tv') ON CONFLICT (sku) DO NOTHING
                """).update();
        return as("ops").postForObject("/api/customers/" + customer + "/subscriptions", Map.of("sku", "TEST-NEVER",
                "startDate", start.toString(), "status", status), JsonNode.class).path("id").asText();
    }

    private ResponseEntity<JsonNode> cancel(String subscription, LocalDate end) {
        return as("ops").postForEntity("/api/subscriptions/" + subscription + "/cancellation",
                Map.of("endDate", end.toString(), "reason", "jamais activé"), JsonNode.class);
    }

    private long linesOf(String subscription) {
        return jdbc.sql("""
                SELECT count(*) FROM automation.invoice_line l JOIN automation.subscription s ON s.id = l.subscription_id
                WHERE s.subscription_no = :no
                """).param("no", subscription).query(Long.class).single();
    }

    private long invoicesOf(String customer) {
        return jdbc.sql("""
                SELECT count(*) FROM automation.invoice i JOIN automation.customer c ON c.id = i.customer_id WHERE c.customer_no = :no
                """).param("no", customer).query(Long.class).single();
    }
}
