package ca.gigafibre.automation.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;

import ca.gigafibre.automation.billing.charge.ChargeReconciler;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.testing.Crashes;
import ca.gigafibre.automation.testing.EngineClockTest;
import ca.gigafibre.automation.testing.HeldCall;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.matchers.TimeToLive;
import org.mockserver.matchers.Times;
import org.mockserver.model.HttpResponse;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The charge reconciler over the real engine: a payment that commits while the pre-authorized charge is in its retries
 * ends the charge (PaymentReceived), and what the processor did with that charge is still booked, closed or settled.
 */
class ChargeReconcilerTest extends EngineClockTest {

    @Autowired
    Crashes crashes;

    @Autowired
    HistoryService history;

    @Autowired
    ChargeReconciler reconciler;

    @Autowired
    org.quartz.Scheduler scheduler;

    private String customer;

    @BeforeEach
    void aCustomer() {
        customer = customers.create("Reconcile", false, false, false);
    }

    @Test
    void aChargeStripeTookWhileItWasInRetriesIsBookedAsCreditAndTheCustomerIsTold() {
        String invoice = stripeChargeInRetries("cus_recon1");
        paidByCheque(invoice, "91.98");
        assertThat(endedAt(invoice)).isEqualTo("EndEvent_Paid");
        assertThat(ledgerState(invoice + "-ppa-1")).isEqualTo("requested");
        assertThat(paymentsUnder(invoice + "-ppa-1")).isZero();

        laterMinutes(15);
        ChargeReconciler.Result result = reconciler.run();

        assertThat(result.booked()).isGreaterThanOrEqualTo(1);
        assertThat(ledgerState(invoice + "-ppa-1")).isEqualTo("succeeded");
        assertThat(paymentsUnder(invoice + "-ppa-1")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT amount FROM automation.payment WHERE idempotency_key = :key").param("key", invoice + "-ppa-1")
                .query(BigDecimal.class).single()).isEqualByComparingTo("91.98");
        assertThat(credit()).isEqualByComparingTo("91.98");
        assertThat(notice(invoice + "-ppa-1")).isEqualTo("sent");
        assertThat(texts()).anyMatch(text -> text.contains("paiement préautorisé de 91,98") && text.contains(invoice)
                && text.contains("porté en crédit à votre compte"));   // the customer's language is French
    }

    @Test
    void aChargeStripeTookWhileItsCallWasHeldAndAPaymentCommittedIsBooked() throws Exception {
        stripeAutoCharge("cus_recon6");
        String invoice = invoiceOf("80.00");
        java.util.concurrent.ExecutorService node = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (HeldCall stripe = HeldCall.first(fakes.server(), "POST", "/stripe/v1/payment_intents", "Bearer .*")) {
            java.util.concurrent.Future<List<Exception>> charging = node.submit(() -> jobs.runDue(invoice));
            // a real wait for the other thread's call, not for time to pass in the engine
            org.awaitility.Awaitility.await("Stripe asked to charge").atMost(java.time.Duration.ofSeconds(30)).until(stripe::received);
            // Stripe charged; its answer is on its way
            paidByCheque(invoice, "91.98");           // PaymentReceived ends the charge meanwhile
            stripe.release();
            assertThat(charging.get(60, java.util.concurrent.TimeUnit.SECONDS)).isNotEmpty();   // the job lost its process
        } finally {
            node.shutdownNow();
        }
        assertThat(endedAt(invoice)).isEqualTo("EndEvent_Paid");
        assertThat(ledgerState(invoice + "-ppa-1")).isEqualTo("succeeded");
        assertThat(paymentsUnder(invoice + "-ppa-1")).isZero();   // charged, and nothing booked it

        laterMinutes(15);
        reconciler.run();

        assertThat(paymentsUnder(invoice + "-ppa-1")).isEqualTo(1);
        assertThat(credit()).isEqualByComparingTo("91.98");
        assertThat(notice(invoice + "-ppa-1")).isEqualTo("sent");
    }

    @Test
    void runTwiceTheChargeIsBookedOnceAndTheCustomerToldOnce() {
        String invoice = stripeChargeInRetries("cus_recon2");
        paidByCheque(invoice, "91.98");
        laterMinutes(15);

        reconciler.run();
        laterMinutes(15);
        reconciler.run();

        assertThat(paymentsUnder(invoice + "-ppa-1")).isEqualTo(1);
        assertThat(credit()).isEqualByComparingTo("91.98");
        assertThat(jdbc.sql("SELECT count(*) FROM automation.notification WHERE natural_key = :key").param("key", "charge-credit:" + invoice + "-ppa-1")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(fakes.server().retrieveRecordedRequests(request().withMethod("GET").withPath("/stripe/v1/payment_intents/search")
                .withQueryStringParameter("query", ".*" + invoice + "-ppa-1.*"))).hasSize(1);
    }

    @Test
    void aChargeTheProcessorNeverTookIsClosedAndNothingIsBooked() {
        stripeAutoCharge("cus_recon3");
        String invoice = invoiceOf("80.00");
        fakes.server().when(request().withMethod("POST").withPath("/stripe/v1/payment_intents"), Times.once(), TimeToLive.unlimited(), 10)
                .respond(HttpResponse.response().withStatusCode(500).withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"boom\"}}"));
        assertThat(jobs.runDue(invoice)).hasSize(1);   // no answer: in retries
        assertThat(ledgerState(invoice + "-ppa-1")).isEqualTo("unknown");
        paidByCheque(invoice, "91.98");

        laterMinutes(15);
        reconciler.run();

        assertThat(ledgerState(invoice + "-ppa-1")).isEqualTo("closed");
        assertThat(paymentsUnder(invoice + "-ppa-1")).isZero();
        assertThat(credit()).isEqualByComparingTo("0.00");
        assertThat(jdbc.sql("SELECT count(*) FROM automation.notification WHERE natural_key = :key").param("key", "charge-credit:" + invoice + "-ppa-1")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aRowItsProcessStillHandlesIsLeftToTheProcess() {
        String invoice = stripeChargeInRetries("cus_recon4");   // the job will ask Stripe itself at its next try
        laterMinutes(15);

        reconciler.run();

        assertThat(ledgerState(invoice + "-ppa-1")).isEqualTo("requested");
        assertThat(paymentsUnder(invoice + "-ppa-1")).isZero();
    }

    @Test
    void aPendingBankDebitWhoseProcessEndedIsStillSettled() {
        bankPpa();
        String invoice = invoiceOf("100.00");
        jobs.runDue(invoice);
        laterDays(10);   // the bank notice period
        crashes.onceOn("UPDATE", "invoice", () -> assertThat(jobs.runDue(invoice)).hasSize(1));   // submitted; the job died after
        assertThat(ledgerState(invoice + "-ppa-1")).isEqualTo("pending");
        paidByCheque(invoice, "114.98");
        assertThat(endedAt(invoice)).isEqualTo("EndEvent_Paid");

        laterMinutes(15);
        reconciler.run();

        assertThat(ledgerState(invoice + "-ppa-1")).isEqualTo("settled");
        assertThat(paymentsUnder(invoice + "-ppa-1")).isEqualTo(1);
        assertThat(credit()).isEqualByComparingTo("114.98");
        assertThat(notice(invoice + "-ppa-1")).isEqualTo("sent");
    }

    @Test
    void aBankDebitReturnedDaysAfterItSettledIsReversedTheInvoiceOpensAgainAndTheReturnedDebitRulesApply() {
        bankPpa();
        String invoice = invoiceOf("100.00");
        debitedAndSettled(invoice);
        assertThat(invoiceStatus(invoice)).isEqualTo("paid");

        fakes.returnDirectDebit(invoice + "-ppa-1", "903", "Payment stopped by the account holder");
        laterDays(5);
        int textsBefore = texts().size();
        reconciler.run();

        // a PAD return like any other: rules/returned-debit.drl — one fee (sent, not debited), PPA off, the customer told
        assertThat(jdbc.sql("SELECT return_category FROM automation.charge_attempt WHERE idempotency_key = :key").param("key", invoice + "-ppa-1")
                .query(String.class).single()).isEqualTo("payment-stopped");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM automation.invoice_line l JOIN automation.invoice i ON i.id = l.invoice_id JOIN automation.customer c ON c.id = i.customer_id
                WHERE c.customer_no = :no AND l.sku = 'FEE-RETURNED'
                """).param("no", customer).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT ppa FROM automation.account_ppa_settings s JOIN automation.customer c ON c.id = s.customer_id WHERE c.customer_no = :no")
                .param("no", customer).query(Boolean.class).single()).isFalse();
        assertThat(texts().subList(textsBefore, texts().size())).hasSize(1).allMatch(text -> text.contains(invoice));

        assertThat(ledgerState(invoice + "-ppa-1")).isEqualTo("returned");
        assertThat(invoiceStatus(invoice)).isEqualTo("open");
        assertThat(jdbc.sql("SELECT amount_paid FROM automation.invoice WHERE invoice_no = :no").param("no", invoice).query(BigDecimal.class).single())
                .isEqualByComparingTo("0.00");
        assertThat(jdbc.sql("SELECT reversed_at IS NOT NULL FROM automation.payment WHERE idempotency_key = :key").param("key", invoice + "-ppa-1")
                .query(Boolean.class).single()).isTrue();

        // the reopened invoice is followed again: no retry for a stopped payment, so its payment or due date and collections
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("billing-collections").processInstanceBusinessKey(invoice)
                .activityIdIn("Timer_DueDate").count()).isEqualTo(1);

        laterDays(1);
        reconciler.run();   // asked again: nothing twice
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("billing-collections").processInstanceBusinessKey(invoice).count())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM automation.payment_reversal WHERE source_ref = :key").param("key", invoice + "-ppa-1")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM automation.invoice_line l JOIN automation.invoice i ON i.id = l.invoice_id JOIN automation.customer c ON c.id = i.customer_id
                WHERE c.customer_no = :no AND l.sku = 'FEE-RETURNED'
                """).param("no", customer).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anNsfReturnFoundAfterTheProcessEndedIsDebitedOnceMoreAfterANewPreNotice() {
        bankPpa();
        String invoice = invoiceOf("100.00");
        debitedAndSettled(invoice);

        fakes.returnDirectDebit(invoice + "-ppa-1", "901", "NSF");
        laterDays(5);
        int textsBefore = texts().size();
        reconciler.run();

        assertThat(invoiceStatus(invoice)).isEqualTo("open");
        assertThat(texts().subList(textsBefore, texts().size())).singleElement()
                .satisfies(text -> assertThat(text).contains("Nous tenterons le prélèvement une seule autre fois"));
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("ppa-charge").processInstanceBusinessKey(invoice).count()).isEqualTo(1);
        jobs.runDue(invoice);   // the new pre-notification, in the notification window
        LocalDate debitDay = jdbc.sql("""
                SELECT n.debit_date FROM automation.bank_debit_notice n JOIN automation.invoice i ON i.id = n.invoice_id
                WHERE i.invoice_no = :no AND n.attempt = 2 AND n.sent_at IS NOT NULL
                """).param("no", invoice).query(LocalDate.class).single();
        clock.at(debitDay);
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 60_000L));
        jobs.runDue(invoice);

        assertThat(fakes.server().retrieveRecordedRequests(request().withMethod("POST").withPath("/paysafe/directdebit/v1/accounts/.*/purchases")))
                .extracting(r -> r.getBodyAsString().replaceAll("(?s).*\"merchantRefNum\"\\s*:\\s*\"([^\"]+)\".*", "$1"))
                .containsExactly(invoice + "-ppa-1", invoice + "-ppa-2");
        assertThat(ledgerState(invoice + "-ppa-2")).isEqualTo("pending");
    }

    @Test
    void aPersonsApprovalAboveTheLimitHoldsForTheRetryOfADebitReturnedAfterItsProcessEnded() {
        bankPpa();   // limit 200.00 + 25.00
        String invoice = invoiceOf("250.00");   // 287.44 with taxes: above the limit
        jobs.runDue(invoice);
        org.camunda.bpm.engine.TaskService tasks = engine.getTaskService();
        org.camunda.bpm.engine.task.Task review = tasks.createTaskQuery().processInstanceBusinessKey(invoice)
                .taskDefinitionKey("UserTask_ReviewPpaAboveLimit").singleResult();
        tasks.complete(review.getId(), Map.of("chargeApproved", true, "reviewNote", "Client d'accord"));
        debitedAndSettled(invoice);

        fakes.returnDirectDebit(invoice + "-ppa-1", "901", "NSF");
        laterDays(5);
        reconciler.run();
        jobs.runDue(invoice);   // the new pre-notification

        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(invoice).taskDefinitionKey("UserTask_ReviewPpaAboveLimit").count()).isZero();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM automation.bank_debit_notice n JOIN automation.invoice i ON i.id = n.invoice_id
                WHERE i.invoice_no = :no AND n.attempt = 2 AND n.sent_at IS NOT NULL
                """).param("no", invoice).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theReconcilerIsAClusteredQuartzJobEveryFiveMinutes() throws Exception {
        org.quartz.JobKey job = org.quartz.JobKey.jobKey("charge-reconcile", "automation");
        assertThat(scheduler.checkExists(job)).isTrue();
        assertThat(scheduler.getJobDetail(job).requestsRecovery()).isTrue();
        org.quartz.Trigger trigger = scheduler.getTriggersOfJob(job).get(0);
        assertThat(((org.quartz.SimpleTrigger) trigger).getRepeatInterval()).isEqualTo(5 * 60_000L);
        assertThat(trigger.getNextFireTime()).isNotNull();
    }

    @Test
    void aPaysafeCardChargebackReportedDaysLaterReversesThePayment() {
        jdbc.sql("INSERT INTO automation.account_ppa_settings (customer_id, ppa_cc) SELECT id, true FROM automation.customer WHERE customer_no = :no")
                .param("no", customer).update();
        as("ops").postForEntity("/api/customers/" + customer + "/payment-methods", Map.of("kind", "paysafe-card", "paysafeProfileId", "prof_recon",
                "token", "tok_paysafe_recon", "cardBrand", "visa", "cardLast4", "1111", "cardExpMonth", 12, "cardExpYear", 2030), JsonNode.class);
        String invoice = invoiceOf("80.00");
        jobs.runDue(invoice);
        assertThat(endedAt(invoice)).isEqualTo("EndEvent_PaidByPpa");
        laterMinutes(15);
        reconciler.run();   // asked once: still completed, nothing changes
        assertThat(invoiceStatus(invoice)).isEqualTo("paid");

        fakes.returnDirectDebit(invoice + "-ppa-1", "Chargeback: fraudulent");
        laterDays(3);
        reconciler.run();

        assertThat(ledgerState(invoice + "-ppa-1")).isEqualTo("returned");
        assertThat(invoiceStatus(invoice)).isEqualTo("open");
        assertThat(balanceDue()).isEqualByComparingTo("91.98");
        // followed again, not charged again: its payment or its due date, then collections
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("billing-collections").processInstanceBusinessKey(invoice)
                .activityIdIn("Timer_DueDate").count()).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("ppa-charge").processInstanceBusinessKey(invoice).count()).isZero();
    }

    /** A Stripe PPA invoice of 91.98 $ whose charge Stripe took while the job died before the ledger heard the answer. */
    private String stripeChargeInRetries(String stripeCustomer) {
        stripeAutoCharge(stripeCustomer);
        String invoice = invoiceOf("80.00");
        crashes.onceOn("UPDATE", "charge_attempt", () -> assertThat(jobs.runDue(invoice)).hasSize(1));
        assertThat(fakes.server().retrieveRecordedRequests(request().withMethod("POST").withPath("/stripe/v1/payment_intents"))).hasSize(1);
        return invoice;
    }

    private void paidByCheque(String invoice, String amount) {
        as("ops").postForEntity("/api/payments", Map.of("customerId", customer, "amount", amount, "method", "cheque"), JsonNode.class);
        assertThat(invoiceStatus(invoice)).isEqualTo("paid");
        jobs.runDue(invoice);   // the invoice's process ends through its event subprocess (an asynchronous step)
    }

    private void stripeAutoCharge(String stripeCustomer) {
        jdbc.sql("""
                INSERT INTO automation.account_ppa_settings (customer_id, stripe_ppa, stripe_customer_id)
                SELECT id, true, :cus FROM automation.customer WHERE customer_no = :no
                """).param("cus", stripeCustomer).param("no", customer).update();
        as("ops").postForEntity("/api/customers/" + customer + "/payment-methods", Map.of("kind", "stripe-card", "stripeCustomerId", stripeCustomer,
                "stripePaymentMethodId", "pm_recon", "cardBrand", "visa", "cardLast4", "4242", "cardExpMonth", 12, "cardExpYear", 2030), JsonNode.class);
    }

    private void bankPpa() {
        jdbc.sql("""
                INSERT INTO automation.account_ppa_settings (customer_id, ppa, ppa_amount, ppa_amount_buffer)
                SELECT id, true, 200.00, 25.00 FROM automation.customer WHERE customer_no = :no
                """).param("no", customer).update();
        as("ops").postForEntity("/api/customers/" + customer + "/payment-methods", Map.of("kind", "bank-ppa", "bankName", "Desjardins",
                "bankInstitution", "815", "bankTransit", "30012", "bankAccount", "7654321"), JsonNode.class);
    }

    /** The invoice's bank debit: pre-notice, the debit on its date, then settled at the next day's check; its process ends. */
    private void debitedAndSettled(String invoice) {
        jobs.runDue(invoice);
        laterDays(10);
        jobs.runDue(invoice);
        laterDays(1);
        jobs.runDue(invoice);   // the daily settlement check
        assertThat(endedAt(invoice)).isEqualTo("EndEvent_DebitSettled");
    }

    private String invoiceOf(String amount) {
        return as("ops").postForObject("/api/invoices", Map.of("customerId", customer, "issueDate", start.toString(),
                "dueDate", start.plusDays(21).toString(),
                "lines", List.of(Map.of("description", "Fibre", "quantity", 1, "unitPrice", amount))), JsonNode.class).path("id").asText();
    }

    private void laterMinutes(int more) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + more * 60_000L));
    }

    /** 10:01 on the first cut day {@code days} or more later (a business day, inside the notification window). */
    private void laterDays(int days) {
        clock.at(clock.nextCutDay(BusinessTime.today().plusDays(days)));
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 60_000L));
    }

    private List<String> texts() {
        return java.util.Arrays.stream(fakes.server().retrieveRecordedRequests(request().withMethod("POST").withPath("/twilio/2010-04-01/Accounts/.*/Messages.json")))
                .map(r -> java.net.URLDecoder.decode(r.getBodyAsString(), java.nio.charset.StandardCharsets.UTF_8)).toList();
    }

    private BigDecimal balanceDue() {
        return as("ops").getForObject("/api/customers/" + customer + "/balance", JsonNode.class).path("balance").decimalValue();
    }

    private BigDecimal credit() {
        return as("ops").getForObject("/api/customers/" + customer + "/balance", JsonNode.class).path("unallocatedCredit").decimalValue();
    }

    private String notice(String key) {
        return jdbc.sql("SELECT state FROM automation.notification WHERE natural_key = :key").param("key", "charge-credit:" + key)
                .query(String.class).optional().orElse(null);
    }

    private long paymentsUnder(String key) {
        return jdbc.sql("SELECT count(*) FROM automation.payment WHERE idempotency_key = :key").param("key", key).query(Long.class).single();
    }

    private String ledgerState(String key) {
        return jdbc.sql("SELECT state FROM automation.charge_attempt WHERE idempotency_key = :key").param("key", key).query(String.class).single();
    }

    private String invoiceStatus(String invoice) {
        return jdbc.sql("SELECT status FROM automation.invoice WHERE invoice_no = :no").param("no", invoice).query(String.class).single();
    }

    private String endedAt(String invoice) {
        return InvoiceProcessEnd.endEventOf(history, invoice);
    }
}
