package ca.gigafibre.automation.billing;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.adapter.fake.FakeExternalSystems;
import ca.gigafibre.automation.billing.invoice.CreditNotes;
import ca.gigafibre.automation.testing.BusinessDayClock;
import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.Jobs;
import ca.gigafibre.automation.testing.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.net.Webhook;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** {@code POST /api/webhooks/stripe}: signature checked with stripe-java, each event once, refunds and disputes reverse the payment. */
class StripeWebhookTest extends IntegrationTest {

    private static final String SECRET = "whsec_gigafibre_demo";

    @Autowired
    TestCustomers customers;

    @Autowired
    FakeExternalSystems fakes;

    @Autowired
    Jobs jobs;

    @Autowired
    BusinessDayClock clock;

    @Autowired
    CreditNotes creditNotes;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    private String customer;
    private String invoice;
    private String intent;

    @BeforeEach
    void anInvoicePaidByStripe() {
        fakes.reset();
        LocalDate today = clock.businessDay();
        customer = customers.create("Webhook", false, false, false);
        jdbc.sql("""
                INSERT INTO automation.account_ppa_settings (customer_id, stripe_ppa, stripe_customer_id)
                SELECT id, true, 'cus_hook1' FROM automation.customer WHERE customer_no = :no
                """).param("no", customer).update();
        as("ops").postForEntity("/api/customers/" + customer + "/payment-methods", Map.of("kind", "stripe-card", "stripeCustomerId", "cus_hook1",
                "stripePaymentMethodId", "pm_hook1", "cardBrand", "visa", "cardLast4", "4242", "cardExpMonth", 12, "cardExpYear", 2030), JsonNode.class);
        invoice = as("ops").postForObject("/api/invoices", Map.of("customerId", customer, "issueDate", today.toString(),
                "dueDate", today.plusDays(21).toString(), "lines", List.of(Map.of("description", "Fibre", "quantity", 1, "unitPrice", "80.00"))),
                JsonNode.class).path("id").asText();
        jobs.runDue(invoice);
        intent = jdbc.sql("SELECT processor_ref FROM automation.charge_attempt a JOIN automation.invoice i ON i.id = a.invoice_id WHERE i.invoice_no = :no")
                .param("no", invoice).query(String.class).single();
        assertThat(status()).isEqualTo("paid");
    }

    @AfterEach
    void realClock() {
        clock.reset();
    }

    @Test
    void aBadSignatureIsRefusedAndNothingIsWritten() {
        long events = count("webhook_event");
        String payload = event("evt_bad1", "charge.refunded", "{\"id\":\"ch_1\",\"object\":\"charge\",\"payment_intent\":\"" + intent + "\"}");

        ResponseEntity<JsonNode> answer = post(payload, sign(payload, "whsec_someone_else"));
        ResponseEntity<JsonNode> unsigned = post(payload, null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().path("errors").findValuesAsText("field")).containsExactly("Stripe-Signature");
        assertThat(unsigned.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(count("webhook_event")).isEqualTo(events);
        assertThat(status()).isEqualTo("paid");
    }

    @Test
    void aRefundReopensTheInvoiceOnceEvenIfStripeSendsTheEventTwice() {
        String payload = event("evt_refund_" + invoice, "charge.refunded",
                "{\"id\":\"ch_1\",\"object\":\"charge\",\"amount\":9198,\"amount_refunded\":9198,\"payment_intent\":\"" + intent + "\",\"refunded\":true}");

        ResponseEntity<JsonNode> first = post(payload, sign(payload, SECRET));
        ResponseEntity<JsonNode> again = post(payload, sign(payload, SECRET));

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody().path("handled").asText()).isEqualTo("reversed " + invoice);
        assertThat(again.getBody().path("handled").asText()).isEqualTo("duplicate");
        assertThat(status()).isEqualTo("open");
        assertThat(jdbc.sql("SELECT amount_paid FROM automation.invoice WHERE invoice_no = :no").param("no", invoice)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("0.00");
        JsonNode balance = as("ops").getForObject("/api/customers/" + customer + "/balance", JsonNode.class);
        assertThat(balance.path("balance").decimalValue()).isEqualByComparingTo("91.98");
        assertThat(balance.path("unallocatedCredit").decimalValue()).isEqualByComparingTo("0.00");
    }

    @Test
    void aPartialRefundTakesBackOnlyWhatWasRefundedNewAmountsOnly() {
        String tenDollars = event("evt_part1_" + invoice, "charge.refunded", charge("ch_part", 1000));
        String fifteenInAll = event("evt_part2_" + invoice, "charge.refunded", charge("ch_part", 1500));

        ResponseEntity<JsonNode> first = post(tenDollars, sign(tenDollars, SECRET));

        assertThat(first.getBody().path("handled").asText()).isEqualTo("reversed " + invoice);
        assertThat(amountPaid()).isEqualByComparingTo("81.98");   // 10 $ undone, not the whole payment
        assertThat(status()).isEqualTo("open");
        assertThat(balance().path("balance").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(jdbc.sql("SELECT reversed_amount FROM automation.payment WHERE reference = :ref").param("ref", intent)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("10.00");
        assertThat(jdbc.sql("SELECT reversed_at IS NULL FROM automation.payment WHERE reference = :ref").param("ref", intent)
                .query(Boolean.class).single()).isTrue();

        post(fifteenInAll, sign(fifteenInAll, SECRET));   // Stripe reports the total refunded so far: 5 $ more

        assertThat(amountPaid()).isEqualByComparingTo("76.98");
        assertThat(balance().path("balance").decimalValue()).isEqualByComparingTo("15.00");
    }

    @Test
    void aRefundThatReopensAnInvoiceIsPaidAgainByTheAccountsCredit() {
        as("ops").postForEntity("/api/payments", Map.of("customerId", customer, "amount", "20.00", "method", "cheque"), JsonNode.class);
        assertThat(balance().path("unallocatedCredit").decimalValue()).isEqualByComparingTo("20.00");
        String payload = event("evt_credit_" + invoice, "charge.refunded", charge("ch_credit", 1000));

        post(payload, sign(payload, SECRET));

        assertThat(status()).isEqualTo("paid");
        assertThat(amountPaid()).isEqualByComparingTo("91.98");
        assertThat(balance().path("unallocatedCredit").decimalValue()).isEqualByComparingTo("10.00");
    }

    @Test
    void aDisputeWonGivesThePaymentBack() {
        String opened = event("evt_dispute1_" + invoice, "charge.dispute.created", dispute("dp_" + invoice, "needs_response"));
        String won = event("evt_dispute2_" + invoice, "charge.dispute.closed", dispute("dp_" + invoice, "won"));

        post(opened, sign(opened, SECRET));
        assertThat(status()).isEqualTo("open");
        assertThat(amountPaid()).isEqualByComparingTo("0.00");

        ResponseEntity<JsonNode> closed = post(won, sign(won, SECRET));

        assertThat(closed.getBody().path("handled").asText()).isEqualTo("restored 91.98");
        assertThat(status()).isEqualTo("paid");
        assertThat(amountPaid()).isEqualByComparingTo("91.98");
        assertThat(balance().path("balance").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(jdbc.sql("SELECT reversed_at IS NULL AND reversed_amount = 0 FROM automation.payment WHERE reference = :ref").param("ref", intent)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void aRefundForAPaymentNotBookedYetWaitsAndIsAppliedWhenThePaymentIsBooked() {
        String second = as("ops").postForObject("/api/invoices", Map.of("customerId", customer, "issueDate", clock.businessDay().toString(),
                "dueDate", clock.businessDay().plusDays(21).toString(), "lines", List.of(Map.of("description", "Fibre", "quantity", 1, "unitPrice", "80.00"))),
                JsonNode.class).path("id").asText();
        String early = "pi_early_" + second;
        String payload = event("evt_early_" + second, "charge.refunded",
                "{\"id\":\"ch_early\",\"object\":\"charge\",\"amount\":9198,\"amount_refunded\":1000,\"payment_intent\":\"" + early + "\"}");

        ResponseEntity<JsonNode> answer = post(payload, sign(payload, SECRET));
        assertThat(answer.getBody().path("handled").asText()).isEqualTo("waiting for the payment of " + early);

        as("ops").postForEntity("/api/payments", Map.of("customerId", customer, "amount", "91.98", "method", "stripe", "reference", early), JsonNode.class);

        assertThat(jdbc.sql("SELECT amount_paid FROM automation.invoice WHERE invoice_no = :no").param("no", second)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("81.98");
        assertThat(jdbc.sql("SELECT amount FROM automation.payment_reversal WHERE processor_ref = :ref AND applied_at IS NOT NULL").param("ref", early)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("10.00");
    }

    @Test
    void aRefundOfAPaymentOnAnInvoiceWrittenOffMeanwhileIsOwedAgainOnADebitInvoiceOnce() {
        customers.overdueInvoice(customer, new java.math.BigDecimal("100.00"), 45);
        String writtenOff = jdbc.sql("""
                SELECT i.invoice_no FROM automation.invoice i JOIN automation.customer c ON c.id = i.customer_id
                WHERE c.customer_no = :no AND i.status = 'open'
                """).param("no", customer).query(String.class).single();
        String paidBefore = "pi_wo_" + writtenOff;
        as("ops").postForEntity("/api/payments", Map.of("customerId", customer, "amount", "40.00", "method", "stripe", "reference", paidBefore),
                JsonNode.class);
        transactions.executeWithoutResult(tx -> creditNotes.creditOpenPart(writtenOff, "written-off", "Radiation de la facture",
                "Write-off of invoice"));   // the 60 $ left written off
        assertThat(balance().path("balance").decimalValue()).isEqualByComparingTo("0.00");
        String refund = event("evt_wo_" + writtenOff, "charge.refunded", "{\"id\":\"ch_wo\",\"object\":\"charge\",\"amount\":4000,"
                + "\"amount_refunded\":4000,\"refunded\":true,\"payment_intent\":\"" + paidBefore + "\"}");

        post(refund, sign(refund, SECRET));
        post(refund, sign(refund, SECRET));

        assertThat(jdbc.sql("SELECT status FROM automation.invoice WHERE invoice_no = :no").param("no", writtenOff).query(String.class).single())
                .isEqualTo("written-off");
        assertThat(balance().path("balance").decimalValue()).isEqualByComparingTo("40.00");   // the 40 $ taken back is owed again
        List<Map<String, Object>> debits = jdbc.sql("""
                SELECT i.invoice_no, i.total, i.status, l.description FROM automation.reversal_debit r
                JOIN automation.invoice i ON i.id = r.debit_invoice_id JOIN automation.invoice_line l ON l.invoice_id = i.id
                JOIN automation.invoice w ON w.id = r.invoice_id WHERE w.invoice_no = :no
                """).param("no", writtenOff).query().listOfRows();
        assertThat(debits).singleElement().satisfies(d -> {
            assertThat((java.math.BigDecimal) d.get("total")).isEqualByComparingTo("40.00");
            assertThat(d.get("status")).isEqualTo("open");
            assertThat((String) d.get("description")).contains(writtenOff);
        });
        assertThat(jdbc.sql("""
                SELECT d.outcome FROM automation.decision_log d JOIN automation.customer c ON c.id = d.customer_id
                WHERE c.customer_no = :no AND d.area = 'reversal'
                """).param("no", customer).query(String.class).list()).containsExactly("OWED");
    }

    @Test
    void anEventForSomethingWeDoNotKnowIsAcknowledgedAndIgnored() {
        String payload = event("evt_other1", "customer.created", "{\"id\":\"cus_x\",\"object\":\"customer\"}");
        ResponseEntity<JsonNode> answer = post(payload, sign(payload, SECRET));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().path("handled").asText()).isEqualTo("ignored");
    }

    private java.math.BigDecimal amountPaid() {
        return jdbc.sql("SELECT amount_paid FROM automation.invoice WHERE invoice_no = :no").param("no", invoice).query(java.math.BigDecimal.class).single();
    }

    private JsonNode balance() {
        return as("ops").getForObject("/api/customers/" + customer + "/balance", JsonNode.class);
    }

    /** The invoice's charge (91.98 $) with {@code refundedCents} refunded so far, as Stripe sends it in charge.refunded. */
    private String charge(String id, long refundedCents) {
        return "{\"id\":\"" + id + "\",\"object\":\"charge\",\"amount\":9198,\"amount_refunded\":" + refundedCents
                + ",\"refunded\":" + (refundedCents == 9198) + ",\"payment_intent\":\"" + intent + "\"}";
    }

    private String dispute(String id, String status) {
        return "{\"id\":\"" + id + "\",\"object\":\"dispute\",\"amount\":9198,\"charge\":\"ch_d\",\"payment_intent\":\"" + intent
                + "\",\"reason\":\"fraudulent\",\"status\":\"" + status + "\"}";
    }

    private String status() {
        return jdbc.sql("SELECT status FROM automation.invoice WHERE invoice_no = :no").param("no", invoice).query(String.class).single();
    }

    private static String event(String id, String type, String object) {
        return "{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":\"2025-07-30.basil\",\"created\":" + (System.currentTimeMillis() / 1000)
                + ",\"type\":\"" + type + "\",\"livemode\":false,\"data\":{\"object\":" + object + "}}";
    }

    private static String sign(String payload, String secret) {
        long timestamp = System.currentTimeMillis() / 1000;
        try {
            return "t=" + timestamp + ",v1=" + Webhook.Util.computeHmacSha256(secret, timestamp + "." + payload);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private ResponseEntity<JsonNode> post(String payload, String signature) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            headers.set("Stripe-Signature", signature);
        }
        return rest.postForEntity("/api/webhooks/stripe", new HttpEntity<>(payload, headers), JsonNode.class);
    }
}
