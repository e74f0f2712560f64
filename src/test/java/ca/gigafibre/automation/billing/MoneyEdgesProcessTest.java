package ca.gigafibre.automation.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;

import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.testing.EngineClockTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.matchers.TimeToLive;
import org.mockserver.matchers.Times;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.HttpResponse;
import org.mockserver.model.Parameter;
import org.mockserver.model.ParameterBody;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * billing-collections at its money edges, over the real BPMN and rules: the rest of a fixed PPA amount is invoiced and
 * followed; a charge resent after an empty lookup is decided again first; a paid invoice is never texted as due.
 */
class MoneyEdgesProcessTest extends EngineClockTest {

    private static final String TWILIO = "/twilio/2010-04-01/Accounts/.*/Messages.json";

    @Autowired
    HistoryService history;

    private String customer;

    @BeforeEach
    void businessDay() {
        customer = customers.create("MoneyEdges", false, false, false);
    }

    @Test
    void aFixedPpaAmountBelowTheInvoiceLeavesARestThatIsInvoicedAndFollowedByCollections() {
        stripeAutoCharge("cus_fixed20", "20.00");
        String invoice = invoiceOf("44.00");   // 50.59 with taxes

        assertThat(jobs.runDue(invoice)).isEmpty();

        assertThat(stripeCalls()).singleElement().satisfies(c -> assertThat(c.getBodyAsString()).contains("amount=2000"));
        assertThat(jdbc.sql("SELECT status || ' ' || amount_paid FROM automation.invoice WHERE invoice_no = :no").param("no", invoice)
                .query(String.class).single()).isEqualTo("open 20.00");
        assertThat(texts("TARGO : 20,00.*déjà reçus sur votre facture " + invoice + " ; il reste 30,59.* à payer d'ici le .*")).isEqualTo(1);
        assertThat(endedAt(invoice)).isNull();   // waits for the rest or the due date

        ClockUtil.setCurrentTime(Date.from(start.plusDays(22).atTime(10, 1).atZone(BusinessTime.ZONE).toInstant()));
        jobs.runDue(invoice);

        assertThat(endedAt(invoice)).isEqualTo("EndEvent_HandedOver");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("account-collections").processInstanceBusinessKey(customer).count())
                .isEqualTo(1);
    }

    @Test
    void aChargeRetriedAfterAnEmptyLookupIsDecidedAgainAndAnInvoicePaidMeanwhileIsNotCharged() {
        stripeAutoCharge("cus_paidmean", null);
        String invoice = invoiceOf("44.00");
        stripeFailsOnce();
        assertThat(jobs.runDue(invoice)).hasSize(1);   // Stripe 500: the outcome is unknown, the job will retry
        assertThat(ledgerState(invoice + "-ppa-1")).isEqualTo("unknown");
        // paid elsewhere meanwhile (a cheque entered in ERPNext): no message reached this process
        jdbc.sql("UPDATE automation.invoice SET amount_paid = total, status = 'paid' WHERE invoice_no = :no").param("no", invoice).update();

        jobs.force(jobs.jobs(invoice).get(0));

        assertThat(stripeCalls()).hasSize(1);   // only the failed one
        assertThat(fakes.server().retrieveRecordedRequests(request().withMethod("GET").withPath("/stripe/v1/payment_intents/search"))).hasSize(1);
        assertThat(ledgerState(invoice + "-ppa-1")).isEqualTo("withdrawn");
        assertThat(endedAt(invoice)).isEqualTo("EndEvent_NothingDue");
    }

    @Test
    void aChargeRetriedAfterAnEmptyLookupChargesOnlyWhatIsOpenNow() {
        stripeAutoCharge("cus_partmean", null);
        String invoice = invoiceOf("44.00");   // 50.59
        stripeFailsOnce();
        assertThat(jobs.runDue(invoice)).hasSize(1);
        as("ops").postForEntity("/api/payments", Map.of("customerId", customer, "amount", "20.00", "method", "portal"), JsonNode.class);

        jobs.force(jobs.jobs(invoice).get(0));

        List<HttpRequest> charges = stripeCalls();
        assertThat(charges).hasSize(2);
        assertThat(charges.get(1).getBodyAsString()).contains("amount=3059");
        assertThat(jdbc.sql("SELECT amount FROM automation.charge_attempt WHERE idempotency_key = :k").param("k", invoice + "-ppa-1")
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("30.59");
        assertThat(jdbc.sql("SELECT status FROM automation.invoice WHERE invoice_no = :no").param("no", invoice).query(String.class).single())
                .isEqualTo("paid");
    }

    @Test
    void anInvoicePaidOrPaymentPendingBeforeTheWindowOpensIsNeverTextedAsDue() {
        ClockUtil.setCurrentTime(Date.from(start.atTime(6, 0).atZone(BusinessTime.ZONE).toInstant()));
        String paid = invoiceOf("20.00");
        String pending = invoiceOf("30.00");
        jobs.runDue(paid, pending);
        assertThat(runtime.createProcessInstanceQuery().activityIdIn("Timer_NotificationWindow").processInstanceBusinessKey(paid).count()).isEqualTo(1);
        // paid elsewhere and a bank debit submitted elsewhere: no message reached the processes
        jdbc.sql("UPDATE automation.invoice SET amount_paid = total, status = 'paid' WHERE invoice_no = :no").param("no", paid).update();
        jdbc.sql("UPDATE automation.invoice SET status = 'payment-pending' WHERE invoice_no = :no").param("no", pending).update();

        ClockUtil.setCurrentTime(Date.from(start.atTime(8, 0).atZone(BusinessTime.ZONE).toInstant()));
        jobs.runDue(paid, pending);

        assertThat(texts(".*votre facture.*")).isZero();
        for (String invoice : List.of(paid, pending)) {   // the send step ran, and decided against the text
            String instance = history.createHistoricProcessInstanceQuery().processDefinitionKey("billing-collections").processInstanceBusinessKey(invoice).singleResult().getId();
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId("Task_SendInvoice").finished().count())
                    .isEqualTo(1);
        }
    }

    private void stripeFailsOnce() {
        fakes.server().when(request().withMethod("POST").withPath("/stripe/v1/payment_intents"), Times.once(), TimeToLive.unlimited(), 10)
                .respond(HttpResponse.response().withStatusCode(500).withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"boom\"}}"));
    }

    private void stripeAutoCharge(String stripeCustomer, String fixed) {
        jdbc.sql("""
                INSERT INTO automation.account_ppa_settings (customer_id, ppa_fixed, stripe_ppa, stripe_customer_id)
                SELECT id, CAST(:fixed AS numeric), true, :cus FROM automation.customer WHERE customer_no = :no
                """).param("fixed", fixed).param("cus", stripeCustomer).param("no", customer).update();
        as("ops").postForEntity("/api/customers/" + customer + "/payment-methods", Map.of("kind", "stripe-card", "stripeCustomerId", stripeCustomer,
                "stripePaymentMethodId", "pm_test123", "cardBrand", "visa", "cardLast4", "4242", "cardExpMonth", 12, "cardExpYear", 2030), JsonNode.class);
    }

    private String invoiceOf(String amount) {
        return as("ops").postForObject("/api/invoices", Map.of("customerId", customer, "issueDate", start.toString(),
                "dueDate", start.plusDays(21).toString(),
                "lines", List.of(Map.of("description", "Fibre", "quantity", 1, "unitPrice", amount))), JsonNode.class).path("id").asText();
    }

    private List<HttpRequest> stripeCalls() {
        return Arrays.asList(fakes.server().retrieveRecordedRequests(request().withMethod("POST").withPath("/stripe/v1/payment_intents")));
    }

    private int texts(String body) {
        return fakes.server().retrieveRecordedRequests(request().withMethod("POST").withPath(TWILIO)
                .withBody(ParameterBody.params(Parameter.param("Body", body)))).length;
    }

    private String ledgerState(String key) {
        return jdbc.sql("SELECT state FROM automation.charge_attempt WHERE idempotency_key = :k").param("k", key).query(String.class).single();
    }

    private String endedAt(String invoice) {
        return InvoiceProcessEnd.endEventOf(history, invoice);
    }
}
