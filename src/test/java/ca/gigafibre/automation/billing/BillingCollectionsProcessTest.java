package ca.gigafibre.automation.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;

import ca.gigafibre.automation.adapter.fake.FakeExternalSystems;
import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.Jobs;
import ca.gigafibre.automation.testing.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.matchers.TimeToLive;
import org.mockserver.matchers.Times;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.HttpResponse;
import org.mockserver.model.Parameter;
import org.mockserver.model.ParameterBody;
import org.mockserver.verify.VerificationTimes;
import org.springframework.beans.factory.annotation.Autowired;

/** billing-collections over the real BPMN and rules, Stripe and Twilio faked at the HTTP level; the engine clock moves time. */
class BillingCollectionsProcessTest extends IntegrationTest {

    @Autowired
    FakeExternalSystems fakes;

    @Autowired
    Jobs jobs;

    @Autowired
    TestCustomers customers;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    ca.gigafibre.automation.testing.BusinessDayClock clock;

    @Autowired
    ca.gigafibre.automation.platform.time.BusinessHours hours;

    @Autowired
    ca.gigafibre.automation.platform.time.BusinessCalendar calendar;

    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    @Autowired
    ca.gigafibre.automation.testing.Crashes crashes;

    private String customer;
    private LocalDate start;

    @BeforeEach
    void cleanFakes() {
        fakes.reset();
        start = clock.businessDay();   // 10:00 on a weekday: inside the notification window
        customer = customers.create("Billing", false, false, false);
    }

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    @Test
    void stripePpaChargesTheInvoiceOnceAndRecordsThePayment() {
        stripeAutoCharge("cus_good123", null);
        String invoice = invoiceOf("84.90");

        start(invoice);
        assertThat(jobs.runDue(invoice)).isEmpty();

        assertThat(endedAt(invoice)).isEqualTo("EndEvent_PaidByPpa");
        List<HttpRequest> charges = stripeCalls();
        assertThat(charges).hasSize(1);
        assertThat(charges.get(0).getFirstHeader("Idempotency-Key")).isEqualTo(invoice + "-ppa-1");
        assertThat(charges.get(0).getBodyAsString()).contains("amount=9762").contains("currency=cad").contains("customer=cus_good123")
                .contains("off_session=true");
        assertThat(invoiceStatus(invoice)).isEqualTo("paid");
        assertThat(paymentsOf(invoice)).isEqualTo(1);
        String instance = history.createHistoricProcessInstanceQuery().processDefinitionKey("billing-collections").processInstanceBusinessKey(invoice).singleResult().getId();
        assertThat((String) history.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName("decisionExplanation").singleResult().getValue()).contains("Prélèvement").contains("Charge");
    }

    @Test
    void bankPpaDebitsAfterTheNoticePeriodAndIsPaidOnlyOnceTheBankSettles() throws Exception {
        bankPpa("200.00");
        String invoice = invoiceOf("100.00");
        start(invoice);

        jobs.runDue(invoice);
        assertThat(fakes.server().retrieveRecordedRequests(request().withPath("/paysafe/.*"))).isEmpty();   // waiting for the notice period
        untilTheNoticedDebitDay(invoice);
        assertThat(jobs.runDue(invoice)).isEmpty();

        HttpRequest[] debits = fakes.server().retrieveRecordedRequests(request().withMethod("POST").withPath("/paysafe/directdebit/v1/accounts/.*/purchases"));
        assertThat(debits).hasSize(1);
        JsonNode debit = new com.fasterxml.jackson.databind.ObjectMapper().readTree(debits[0].getBodyAsString());
        assertThat(debit.path("merchantRefNum").asText()).isEqualTo(invoice + "-ppa-1");
        assertThat(debit.path("amount").asInt()).isEqualTo(11498);
        assertThat(debit.path("eft").path("accountNumber").asText()).isEqualTo("7654321");
        assertThat(debit.path("eft").path("institutionId").asText()).isEqualTo("815");
        assertThat(invoiceStatus(invoice)).isEqualTo("payment-pending");   // submitted is not paid
        assertThat(paymentsOf(invoice)).isZero();

        untilTheSettlementCheck(invoice);
        assertThat(jobs.runDue(invoice)).isEmpty();

        assertThat(endedAt(invoice)).isEqualTo("EndEvent_DebitSettled");
        assertThat(invoiceStatus(invoice)).isEqualTo("paid");
        assertThat(paymentsOf(invoice)).isEqualTo(1);
        assertThat(ledgerState(invoice + "-ppa-1")).isEqualTo("settled");
    }

    @Test
    void aReturnedBankDebitReopensTheInvoiceBillsTheFeeTellsTheCustomerAndCollectionsFollow() {
        bankPpa("200.00");
        String invoice = invoiceOf("100.00");
        fakes.returnDirectDebit(invoice + "-ppa-1", "907", "No debit allowed");   // not retried (rules/returned-debit.drl)
        jobs.runDue(invoice);
        untilTheNoticedDebitDay(invoice);
        jobs.runDue(invoice);
        assertThat(invoiceStatus(invoice)).isEqualTo("payment-pending");

        untilTheSettlementCheck(invoice);
        assertThat(jobs.runDue(invoice)).isEmpty();

        assertThat(invoiceStatus(invoice)).isEqualTo("open");
        assertThat(paymentsOf(invoice)).isZero();
        assertThat(ledgerState(invoice + "-ppa-1")).isEqualTo("returned");
        assertThat(jdbc.sql("""
                SELECT i.total FROM automation.invoice i JOIN automation.invoice_line l ON l.invoice_id = i.id
                JOIN automation.customer c ON c.id = i.customer_id WHERE c.customer_no = :no AND l.sku = 'FEE-RETURNED'
                """).param("no", customer).query(java.math.BigDecimal.class).single()).isEqualByComparingTo("25.00");
        assertThat(texts(".*a été refusé par votre banque \\(No debit allowed\\).*25,00 \\$.*")).isEqualTo(1);

        moveClockDays(23);   // past the invoice's due date
        jobs.runDue(invoice);
        assertThat(endedAt(invoice)).isEqualTo("EndEvent_HandedOver");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("account-collections").processInstanceBusinessKey(customer).count())
                .isEqualTo(1);
    }

    @Test
    void declinedChargeIsRetriedOnTheDmnScheduleThenAPersonReviews() {
        stripeAutoCharge("cus_decline42", null);
        String invoice = invoiceOf("50.00");
        start(invoice);

        jobs.runDue(invoice);
        moveClockDays(3);
        jobs.runDue(invoice);
        moveClockDays(7);
        jobs.runDue(invoice);

        assertThat(stripeCalls()).extracting(r -> r.getFirstHeader("Idempotency-Key"))
                .containsExactly(invoice + "-ppa-1", invoice + "-ppa-2", invoice + "-ppa-3");
        Task review = tasks.createTaskQuery().processInstanceBusinessKey(invoice).singleResult();
        assertThat(review.getName()).startsWith("Vérifier un prélèvement refusé / Review failed charge — Test Billing, ");
        assertThat((String) tasks.getVariable(review.getId(), "declineReason")).contains("card_declined");
        assertThat(paymentsOf(invoice)).isZero();
    }

    @Test
    void aChargeDeclinedOnAThursdayIsTriedAgainOnMondayMorningNotOnTheSunday() {
        LocalDate thursday = aThursdayBeforeABusinessMonday();
        start = clock.at(thursday);
        stripeAutoCharge("cus_decline58", null);
        String invoice = invoiceOf("45.00");
        start(invoice);

        jobs.runDue(invoice);   // declined: the DMN charge-retry schedule says three days later, a Sunday

        Job retry = engine.getManagementService().createJobQuery().activityId("Timer_RetryCharge")
                .processInstanceId(calledCharge(invoice)).singleResult();
        java.time.ZonedDateTime due = retry.getDuedate().toInstant().atZone(ca.gigafibre.automation.platform.time.BusinessTime.ZONE);
        assertThat(due.toLocalDate()).isEqualTo(thursday.plusDays(4));
        assertThat(hours.isNotificationTime(due.toOffsetDateTime())).isTrue();
        ClockUtil.setCurrentTime(Date.from(thursday.plusDays(3).atTime(10, 0).atZone(ca.gigafibre.automation.platform.time.BusinessTime.ZONE).toInstant()));
        jobs.runDue(invoice);
        assertThat(stripeCalls()).hasSize(1);
        ClockUtil.setCurrentTime(retry.getDuedate());
        jobs.runDue(invoice);
        assertThat(stripeCalls()).extracting(r -> r.getFirstHeader("Idempotency-Key")).containsExactly(invoice + "-ppa-1", invoice + "-ppa-2");
    }

    @Test
    void aChargeJobRetriedAtNightSendsNothingAndWaitsForTheNextBusinessMorningWithItsRetriesIntact() {
        stripeAutoCharge("cus_night31", null);
        String invoice = invoiceOf("38.00");
        fakes.server().when(request().withMethod("POST").withPath("/stripe/v1/payment_intents"), Times.once(), TimeToLive.unlimited(), 10)
                .respond(HttpResponse.response().withStatusCode(500).withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"boom\"}}"));
        start(invoice);
        assertThat(jobs.runDue(invoice)).hasSize(1);   // the first attempt: 500, the job waits for its retry
        Job charge = jobs.jobs(invoice).get(0);

        ClockUtil.setCurrentTime(Date.from(start.atTime(23, 0).atZone(ca.gigafibre.automation.platform.time.BusinessTime.ZONE).toInstant()));
        try {
            jobs.force(charge);
        } catch (Exception notNow) {
            // postponed, not failed
        }

        Job postponed = engine.getManagementService().createJobQuery().jobId(charge.getId()).singleResult();
        assertThat(stripeCalls()).hasSize(1);
        assertThat(postponed.getRetries()).isEqualTo(charge.getRetries());
        assertThat(postponed.getDuedate()).isEqualTo(hours.notificationOn(start.plusDays(1)));
        ClockUtil.setCurrentTime(postponed.getDuedate());
        jobs.runDue(invoice);
        assertThat(stripeCalls()).extracting(r -> r.getFirstHeader("Idempotency-Key")).containsExactly(invoice + "-ppa-1", invoice + "-ppa-1");
        assertThat(paymentsOf(invoice)).isEqualTo(1);
    }

    @Test
    void stripe500ThenOkChargesOnce() {
        stripeAutoCharge("cus_flaky77", null);
        String invoice = invoiceOf("40.00");
        fakes.server().when(request().withMethod("POST").withPath("/stripe/v1/payment_intents"), Times.once(), TimeToLive.unlimited(), 10)
                .respond(HttpResponse.response().withStatusCode(500).withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"boom\"}}"));
        start(invoice);

        assertThat(jobs.runDue(invoice)).hasSize(1);
        jobs.force(jobs.jobs(invoice).get(0));

        assertThat(stripeCalls()).extracting(r -> r.getFirstHeader("Idempotency-Key")).containsExactly(invoice + "-ppa-1", invoice + "-ppa-1");
        assertThat(paymentsOf(invoice)).isEqualTo(1);
        assertThat(endedAt(invoice)).isEqualTo("EndEvent_PaidByPpa");
    }

    @Test
    void crashBetweenTheChargeAndItsRecordingDoesNotChargeTwice() {
        stripeAutoCharge("cus_crash11", null);
        String invoice = invoiceOf("33.00");
        crashes.onceOn("INSERT", "payment", () -> {
            start(invoice);
            assertThat(jobs.runDue(invoice)).hasSize(1);
            assertThat(paymentsOf(invoice)).isZero();
            jobs.force(jobs.jobs(invoice).get(0));
        });

        assertThat(stripeCalls()).hasSize(1);   // the ledger knew the first answer: nothing sent again
        assertThat(paymentsOf(invoice)).isEqualTo(1);
        assertThat(invoiceStatus(invoice)).isEqualTo("paid");
        assertThat(ledgerState(invoice + "-ppa-1")).isEqualTo("succeeded");
    }

    @Test
    void aRetryDaysLaterAsksStripeWhatHappenedInsteadOfChargingAgain() {
        stripeAutoCharge("cus_later22", null);
        String invoice = invoiceOf("44.00");
        crashes.onceOn("UPDATE", "charge_attempt", () -> {
            start(invoice);
            assertThat(jobs.runDue(invoice)).hasSize(1);   // Stripe charged; the job died before the ledger heard the answer
        });
        assertThat(ledgerState(invoice + "-ppa-1")).isEqualTo("requested");
        fakes.forgetStripeIdempotencyKeys();   // Stripe forgets keys after 24 h: resending blindly would charge again
        moveClockDays(2);

        jobs.force(jobs.jobs(invoice).get(0));

        assertThat(stripeCalls()).hasSize(1);
        assertThat(fakes.server().retrieveRecordedRequests(request().withMethod("GET").withPath("/stripe/v1/payment_intents/search"))).hasSize(1);
        assertThat(paymentsOf(invoice)).isEqualTo(1);
        assertThat(ledgerState(invoice + "-ppa-1")).isEqualTo("succeeded");
        assertThat(endedAt(invoice)).isEqualTo("EndEvent_PaidByPpa");
    }

    @Test
    void aRetriedPaysafeChargeLooksThePaymentUpByItsMerchantReference() {
        jdbc.sql("""
                INSERT INTO automation.account_ppa_settings (customer_id, ppa_cc) SELECT id, true FROM automation.customer WHERE customer_no = :no
                """).param("no", customer).update();
        as("ops").postForEntity("/api/customers/" + customer + "/payment-methods", Map.of("kind", "paysafe-card", "paysafeProfileId", "prof_777", "token", "tok_paysafe_123",
                "cardBrand", "visa", "cardLast4", "1111", "cardExpMonth", 12, "cardExpYear", 2030), JsonNode.class);
        String invoice = invoiceOf("55.00");
        crashes.onceOn("UPDATE", "charge_attempt", () -> {
            start(invoice);
            assertThat(jobs.runDue(invoice)).hasSize(1);
        });

        jobs.force(jobs.jobs(invoice).get(0));

        assertThat(fakes.server().retrieveRecordedRequests(request().withMethod("POST").withPath("/paysafe/cardpayments/v1/accounts/.*/auths")))
                .hasSize(1);
        assertThat(fakes.server().retrieveRecordedRequests(request().withMethod("GET").withPath("/paysafe/cardpayments/v1/accounts/.*/auths")
                .withQueryStringParameter("merchantRefNum", invoice + "-ppa-1"))).hasSize(1);
        assertThat(paymentsOf(invoice)).isEqualTo(1);
        assertThat(endedAt(invoice)).isEqualTo("EndEvent_PaidByPpa");
    }

    @Test
    void aPaymentDuringTheBankNoticeMeansNoDebit() {
        String invoice = paidDuringTheBankNotice("114.98");

        assertThat(fakes.server().retrieveRecordedRequests(request().withPath("/paysafe/.*"))).isEmpty();
        assertThat(endedAt(invoice)).isEqualTo("EndEvent_Paid");
        assertThat(jdbc.sql("SELECT count(*) FROM automation.charge_attempt a JOIN automation.invoice i ON i.id = a.invoice_id WHERE i.invoice_no = :no")
                .param("no", invoice).query(Long.class).single()).isZero();
    }

    @Test
    void aPartPaidDuringTheBankNoticeLeavesOnlyTheRestToDebit() throws Exception {
        paidDuringTheBankNotice("14.98");

        HttpRequest[] debits = fakes.server().retrieveRecordedRequests(request().withMethod("POST").withPath("/paysafe/directdebit/v1/accounts/.*/purchases"));
        assertThat(debits).hasSize(1);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(debits[0].getBodyAsString()).path("amount").asInt()).isEqualTo(10000);
    }

    @Test
    void aPaymentWhileARetryWaitsEndsTheCharge() {
        stripeAutoCharge("cus_decline77", null);
        String invoice = invoiceOf("50.00");
        start(invoice);
        jobs.runDue(invoice);
        assertThat(stripeCalls()).hasSize(1);

        as("ops").postForEntity("/api/payments", Map.of("customerId", customer, "amount", "57.49", "method", "portal"), JsonNode.class);
        moveClockDays(3);
        jobs.runDue(invoice);

        assertThat(stripeCalls()).hasSize(1);
        assertThat(endedAt(invoice)).isEqualTo("EndEvent_Paid");
    }

    @Test
    void aPaymentWhileAPersonReviewsEndsTheReview() {
        stripeAutoCharge("cus_big66", "50.00");
        String invoice = invoiceOf("100.00");
        start(invoice);
        jobs.runDue(invoice);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(invoice).count()).isEqualTo(1);

        as("ops").postForEntity("/api/payments", Map.of("customerId", customer, "amount", "114.98", "method", "portal"), JsonNode.class);
        jobs.runDue(invoice);

        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(invoice).count()).isZero();
        assertThat(endedAt(invoice)).isEqualTo("EndEvent_Paid");
        assertThat(stripeCalls()).isEmpty();
    }

    /** A bank-PPA invoice of 114.98 $ on which {@code amount} is paid by cheque while the debit waits for its notice period. */
    private String paidDuringTheBankNotice(String amount) {
        bankPpa("200.00");
        String invoice = invoiceOf("100.00");
        start(invoice);
        jobs.runDue(invoice);
        as("ops").postForEntity("/api/payments", Map.of("customerId", customer, "amount", amount, "method", "cheque"), JsonNode.class);
        untilTheNoticedDebitDay(invoice);
        jobs.runDue(invoice);
        return invoice;
    }

    /** Rule H1: the debit waits for the day its pre-notice gave (a business day, at the opening of the notification window). */
    private void untilTheNoticedDebitDay(String invoice) {
        LocalDate debitDay = jdbc.sql("""
                SELECT n.debit_date FROM automation.bank_debit_notice n JOIN automation.invoice i ON i.id = n.invoice_id
                WHERE i.invoice_no = :no ORDER BY n.attempt DESC LIMIT 1
                """).param("no", invoice).query(LocalDate.class).optional().orElse(start.plusDays(10));
        moveClockDays((int) java.time.temporal.ChronoUnit.DAYS.between(start.plusDays(days), debitDay));
    }

    /** The daily settlement check runs at the next business day's notification window: the clock goes there. */
    private void untilTheSettlementCheck(String invoice) {
        Date check = jobs.jobs(invoice).stream().filter(j -> j.getDuedate() != null).map(org.camunda.bpm.engine.runtime.Job::getDuedate)
                .findFirst().orElseThrow();
        assertThat(check.toInstant().atZone(ca.gigafibre.automation.platform.time.BusinessTime.ZONE).getHour()).isEqualTo(8);
        ClockUtil.setCurrentTime(new Date(check.getTime() + 60_000L));
    }

    private void bankPpa(String limit) {
        jdbc.sql("""
                INSERT INTO automation.account_ppa_settings (customer_id, ppa, ppa_amount, ppa_amount_buffer)
                SELECT id, true, CAST(:limit AS numeric), 25.00 FROM automation.customer WHERE customer_no = :no
                """).param("limit", limit).param("no", customer).update();
        as("ops").postForEntity("/api/customers/" + customer + "/payment-methods", Map.of("kind", "bank-ppa", "bankName", "Desjardins",
                "bankInstitution", "815", "bankTransit", "30012", "bankAccount", "7654321"), JsonNode.class);
    }

    private String ledgerState(String key) {
        return jdbc.sql("SELECT state FROM automation.charge_attempt WHERE idempotency_key = :key").param("key", key).query(String.class).single();
    }


    @Test
    void invoiceAboveTheLimitWaitsForAPersonWhoApprovesTheCharge() {
        stripeAutoCharge("cus_big55", "50.00");
        String invoice = invoiceOf("100.00");
        start(invoice);
        jobs.runDue(invoice);

        Task review = tasks.createTaskQuery().processInstanceBusinessKey(invoice).singleResult();
        assertThat(review.getName()).startsWith("Vérifier un prélèvement au-dessus de la limite / Review pre-authorized charge above limit — Test Billing, ");
        assertThat((String) tasks.getVariable(review.getId(), "decisionExplanation")).contains("limite").contains("limit");
        assertThat(stripeCalls()).isEmpty();
        tasks.complete(review.getId(), Map.of("chargeApproved", true, "reviewNote", "Client d'accord"));
        assertThat(jobs.runDue(invoice)).isEmpty();

        assertThat(stripeCalls()).hasSize(1);
        assertThat(endedAt(invoice)).isEqualTo("EndEvent_PaidByPpa");
    }

    @Test
    void withoutPpaTheInvoiceIsTextedInFrenchAndAPaymentEndsIt() {
        String invoice = invoiceOf("20.00");
        start(invoice);
        jobs.runDue(invoice);

        fakes.server().verify(request().withMethod("POST").withPath("/twilio/2010-04-01/Accounts/.*/Messages.json")
                .withBody(ParameterBody.params(Parameter.param("Body", "TARGO : votre facture " + invoice + " de 23,00 \\$ est due le .*"))),
                VerificationTimes.once());
        as("ops").postForEntity("/api/payments", Map.of("customerId", customer, "amount", "22.99", "method", "portal"), JsonNode.class);
        assertThat(endedAt(invoice)).isNull();   // 1 cent short: still waiting
        as("ops").postForEntity("/api/payments", Map.of("customerId", customer, "amount", "0.01", "method", "portal"), JsonNode.class);
        jobs.runDue(invoice);

        assertThat(endedAt(invoice)).isEqualTo("EndEvent_Paid");
    }

    @Test
    void aWrittenInvoiceStartsAtThePpaRulesDecisionAndReachesItsFirstWaitWithoutAJob() {
        stripeAutoCharge("cus_at_once", null);
        String charged = invoiceOf("84.90");
        customer = customers.create("BillingNoPpa", false, false, false);
        String texted = invoiceOf("20.00");

        // no job has run: each instance decided as the invoice was written and waits where the decision sent it
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(charged).processDefinitionKey("ppa-charge")
                .activityIdIn("Timer_PpaNoticeWindow").count()).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(texted).activityIdIn("Timer_NotificationWindow").count()).isEqualTo(1);
        for (String invoice : List.of(charged, texted)) {
            String instance = runtime.createProcessInstanceQuery().processDefinitionKey("billing-collections").processInstanceBusinessKey(invoice)
                    .singleResult().getId();
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).list())
                    .extracting(org.camunda.bpm.engine.history.HistoricActivityInstance::getActivityId)
                    .contains("Gateway_PpaDecision").doesNotContain("StartEvent_InvoiceIssued", "Task_DecidePpa");
            assertThat(jdbc.sql("SELECT outcome FROM automation.decision_log WHERE area = 'ppa' AND subject_ref = :inv AND process_instance_id = :pid")
                    .param("inv", invoice).param("pid", instance).query(String.class).single()).isEqualTo(invoice.equals(charged) ? "CHARGE" : "NO_METHOD");
        }
        assertThat(jobs.runDue(charged)).isEmpty();
        assertThat(endedAt(charged)).isEqualTo("EndEvent_PaidByPpa");
    }

    @Test
    void anInstanceStartedAtItsBeginningDecidesInTaskDecidePpa() {
        stripeAutoCharge("cus_begin", null);
        String invoice = invoiceOf("84.90");
        runtime.deleteProcessInstance(runtime.createProcessInstanceQuery().processDefinitionKey("billing-collections")
                .processInstanceBusinessKey(invoice).singleResult().getId(), "started again from its beginning");
        String instance = runtime.startProcessInstanceByKey("billing-collections", invoice, Map.of("invoiceId", invoice, "customerId", customer,
                "dueDate", ca.gigafibre.automation.platform.time.BusinessTime.startOf(start.plusDays(22)))).getId();

        assertThat(jobs.runDue(invoice)).isEmpty();

        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId("Task_DecidePpa").count()).isEqualTo(1);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult().getEndActivityId())
                .isEqualTo("EndEvent_PaidByPpa");
    }

    @Test
    void theInvoiceWaitsForTheNotificationWindowBeforeItIsTexted() {
        ClockUtil.setCurrentTime(java.util.Date.from(start.atTime(6, 0).atZone(ca.gigafibre.automation.platform.time.BusinessTime.ZONE).toInstant()));
        String invoice = invoiceOf("20.00");
        start(invoice);
        jobs.runDue(invoice);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(invoice).activityIdIn("Timer_NotificationWindow").count()).isEqualTo(1);
        assertThat(texts(".*votre facture.*")).isZero();

        ClockUtil.setCurrentTime(java.util.Date.from(start.atTime(8, 0).atZone(ca.gigafibre.automation.platform.time.BusinessTime.ZONE).toInstant()));
        jobs.runDue(invoice);
        assertThat(texts(".*votre facture.*")).isEqualTo(1);
    }

    @Test
    void pastTheDueDateTheAccountsCollectionsCaseTakesTheInvoiceOverAndTheInvoiceProcessEnds() {
        String invoice = invoiceOf("60.00");
        start(invoice);
        jobs.runDue(invoice);

        moveClockDays(22);
        jobs.runDue(invoice);

        assertThat(endedAt(invoice)).isEqualTo("EndEvent_HandedOver");
        assertThat(texts(".*était due.*|.*en souffrance.*")).isZero();   // no reminder from the invoice's process any more
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("account-collections").processInstanceBusinessKey(customer).count())
                .isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT opened_by FROM automation.collections_case k JOIN automation.customer c ON c.id = k.customer_id
                WHERE c.customer_no = :no AND k.closed_at IS NULL
                """).param("no", customer).query(String.class).single()).isEqualTo(invoice);
    }

    @Test
    void anInvoicePaidBeforeItsDueDateOpensNoCase() {
        String invoice = invoiceOf("30.00");
        start(invoice);
        jobs.runDue(invoice);
        as("ops").postForEntity("/api/payments", Map.of("customerId", customer, "amount", "34.49", "method", "portal"), JsonNode.class);
        moveClockDays(22);
        jobs.runDue(invoice);

        assertThat(endedAt(invoice)).isEqualTo("EndEvent_Paid");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("account-collections").processInstanceBusinessKey(customer).count())
                .isZero();
    }

    private int texts(String body) {
        return fakes.server().retrieveRecordedRequests(request().withMethod("POST").withPath("/twilio/2010-04-01/Accounts/.*/Messages.json")
                .withBody(ParameterBody.params(Parameter.param("Body", body)))).length;
    }

    private long days;

    private void moveClockDays(int more) {
        days += more;
        ClockUtil.setCurrentTime(Date.from(start.plusDays(days).atTime(10, 1).atZone(ca.gigafibre.automation.platform.time.BusinessTime.ZONE).toInstant()));
    }

    private void stripeAutoCharge(String stripeCustomer, String limit) {
        jdbc.sql("""
                INSERT INTO automation.account_ppa_settings (customer_id, ppa_amount, stripe_ppa, stripe_customer_id)
                SELECT id, CAST(:limit AS numeric), true, :cus FROM automation.customer WHERE customer_no = :no
                """).param("limit", limit).param("cus", stripeCustomer).param("no", customer).update();
        as("ops").postForEntity("/api/customers/" + customer + "/payment-methods", Map.of("kind", "stripe-card", "stripeCustomerId", stripeCustomer,
                "stripePaymentMethodId", "pm_test123", "cardBrand", "visa", "cardLast4", "4242", "cardExpMonth", 12, "cardExpYear", 2030), JsonNode.class);
    }

    private String invoiceOf(String amount) {
        return as("ops").postForObject("/api/invoices", Map.of("customerId", customer, "issueDate", start.toString(),
                "dueDate", start.plusDays(21).toString(),
                "lines", List.of(Map.of("description", "Fibre", "quantity", 1, "unitPrice", amount))), JsonNode.class).path("id").asText();
    }

    /** The invoice's billing-collections started with the invoice (POST /api/invoices): exactly one. */
    private void start(String invoice) {
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("billing-collections").processInstanceBusinessKey(invoice).count())
                .isEqualTo(1);
    }

    /** A Thursday whose Monday is a business day too (no long weekend in between). */
    private LocalDate aThursdayBeforeABusinessMonday() {
        LocalDate day = LocalDate.now(ca.gigafibre.automation.platform.time.BusinessTime.ZONE)
                .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.THURSDAY));
        while (!calendar.isBusinessDay(day) || !calendar.isBusinessDay(day.plusDays(4))) {
            day = day.plusWeeks(1);
        }
        return day;
    }

    /** The ppa-charge instance the invoice's process called. */
    private String calledCharge(String invoice) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("ppa-charge").processInstanceBusinessKey(invoice).singleResult().getId();
    }

    private List<HttpRequest> stripeCalls() {
        return Arrays.asList(fakes.server().retrieveRecordedRequests(request().withMethod("POST").withPath("/stripe/v1/payment_intents")));
    }

    private String endedAt(String invoice) {
        return InvoiceProcessEnd.endEventOf(history, invoice);
    }

    private String invoiceStatus(String invoice) {
        return jdbc.sql("SELECT status FROM automation.invoice WHERE invoice_no = :no").param("no", invoice).query(String.class).single();
    }

    private long paymentsOf(String invoice) {
        return jdbc.sql("""
                SELECT count(DISTINCT a.payment_id) FROM automation.payment_allocation a JOIN automation.invoice i ON i.id = a.invoice_id
                WHERE i.invoice_no = :no
                """).param("no", invoice).query(Long.class).single();
    }
}
