package ca.gigafibre.automation.billing.ppa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;

import ca.gigafibre.automation.billing.InvoiceProcessEnd;
import ca.gigafibre.automation.platform.time.BusinessCalendar;
import ca.gigafibre.automation.platform.time.BusinessHours;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.testing.EngineClockTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.Parameter;
import org.mockserver.model.ParameterBody;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Bank (PAD) debits over the real billing-collections BPMN and rules, Paysafe and Twilio faked at the HTTP level, on the
 * engine clock: Payments Canada Rule H1's pre-notification, the auto-pay invoice message, and returned debits decided by
 * rules/returned-debit.drl.
 */
class BankDebitProcessTest extends EngineClockTest {

    @Autowired
    HistoryService history;

    @Autowired
    BusinessCalendar calendar;

    @Autowired
    BusinessHours hours;

    private String customer;

    @BeforeEach
    void bankCustomer() {
        customer = customers.create("Debit", false, false, false);
        jdbc.sql("""
                INSERT INTO automation.account_ppa_settings (customer_id, ppa, ppa_amount, ppa_amount_buffer)
                SELECT id, true, 200.00, 25.00 FROM automation.customer WHERE customer_no = :no
                """).param("no", customer).update();
        as("ops").postForEntity("/api/customers/" + customer + "/payment-methods", Map.of("kind", "bank-ppa", "bankName", "Desjardins",
                "bankInstitution", "815", "bankTransit", "30012", "bankAccount", "7654321"), JsonNode.class);
    }

    @Test
    void thePreNoticeGivesAmountAndDateAtLeastTheNoticeDaysAheadAndTheDebitWaitsForThatDay() throws Exception {
        String invoice = invoiceOf("100.00", start);
        jobs.runDue(invoice);

        Map<String, Object> notice = notice(invoice, 1);
        LocalDate debitDate = (LocalDate) notice.get("debit_date");
        LocalDate sentOn = ((OffsetDateTime) notice.get("sent_at")).atZoneSameInstant(BusinessTime.ZONE).toLocalDate();
        assertThat((BigDecimal) notice.get("amount")).isEqualByComparingTo("114.98");
        assertThat(sentOn).isEqualTo(start);
        assertThat(ChronoUnit.DAYS.between(sentOn, debitDate)).isGreaterThanOrEqualTo(10);
        assertThat(calendar.isBusinessDay(debitDate)).isTrue();
        assertThat(texts("TARGO : votre facture " + invoice + " sera payée par prélèvement bancaire préautorisé : 114,98 \\$ seront prélevés de "
                + "votre compte le " + CustomerDates.of(debitDate).french() + "\\.")).isEqualTo(1);
        assertThat(debits()).isEmpty();

        Job debitTimer = onlyTimer(invoice);
        assertThat(debitTimer.getDuedate()).isEqualTo(hours.notificationOn(debitDate));   // the debit day, 08:00: business hours
        ClockUtil.setCurrentTime(new Date(debitTimer.getDuedate().getTime() - 60_000L));
        jobs.runDue(invoice);
        assertThat(debits()).isEmpty();   // not a minute before

        untilTheDebit(invoice);
        assertThat(debits()).hasSize(1);
        assertThat(new ObjectMapper().readTree(debits().get(0).getBodyAsString()).path("amount").asInt()).isEqualTo(11498);
    }

    @Test
    void aDebitDateThatFallsOnAWeekendMovesToTheNextBusinessDay() {
        LocalDate noticeDay = start;
        while (calendar.isBusinessDay(noticeDay.plusDays(10)) || !calendar.isBusinessDay(noticeDay)) {
            noticeDay = noticeDay.plusDays(1);
        }
        clock.at(noticeDay);
        String invoice = invoiceOf("100.00", noticeDay);
        jobs.runDue(invoice);

        LocalDate debitDate = (LocalDate) notice(invoice, 1).get("debit_date");
        assertThat(debitDate).isEqualTo(calendar.nextBusinessDay(noticeDay.plusDays(10))).isAfter(noticeDay.plusDays(10));
        assertThat(debitDate.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(onlyTimer(invoice).getDuedate()).isEqualTo(hours.notificationOn(debitDate));
    }

    @Test
    void aPartialPaymentAfterTheNoticeIsDebitedTheLowerAmountNeverMore() throws Exception {
        String invoice = invoiceOf("100.00", start);
        jobs.runDue(invoice);
        assertThat((BigDecimal) notice(invoice, 1).get("amount")).isEqualByComparingTo("114.98");

        as("ops").postForEntity("/api/payments", Map.of("customerId", customer, "amount", "14.98", "method", "cheque"), JsonNode.class);
        untilTheDebit(invoice);

        assertThat(debits()).hasSize(1);
        assertThat(new ObjectMapper().readTree(debits().get(0).getBodyAsString()).path("amount").asInt()).isEqualTo(10000);
    }

    @Test
    void aCardAutoPayCustomerReceivesTheInvoiceSayingWhenItWillBeCharged() {
        jdbc.sql("""
                UPDATE automation.account_ppa_settings SET ppa = false, stripe_ppa = true, stripe_customer_id = 'cus_autopay1'
                WHERE customer_id = (SELECT id FROM automation.customer WHERE customer_no = :no)
                """).param("no", customer).update();
        as("ops").postForEntity("/api/customers/" + customer + "/payment-methods", Map.of("kind", "stripe-card", "stripeCustomerId", "cus_autopay1",
                "stripePaymentMethodId", "pm_test123", "cardBrand", "visa", "cardLast4", "4242", "cardExpMonth", 12, "cardExpYear", 2030), JsonNode.class);
        String invoice = invoiceOf("20.00", start);
        jobs.runDue(invoice);

        assertThat(texts("TARGO : votre facture " + invoice + " est payée par paiement préautorisé : 23,00 \\$ seront prélevés le "
                + CustomerDates.of(start).french() + "\\..*")).isEqualTo(1);
        assertThat(endedAt(invoice)).isEqualTo("EndEvent_PaidByPpa");
    }

    @Test
    void anNsfReturnBillsAFeeThatIsNotDebitedRetriesOnceAfterANewNoticeAndASecondNsfIsNotRetried() {
        String invoice = invoiceOf("100.00", start);
        fakes.returnDirectDebit(invoice + "-ppa-1", "901", "NSF");
        fakes.returnDirectDebit(invoice + "-ppa-2", "901", "NSF");
        jobs.runDue(invoice);
        untilTheDebit(invoice);
        untilTheSettlementCheck(invoice);

        assertThat(ledger(invoice + "-ppa-1")).isEqualTo("returned/NSF");
        List<String> fees = feeInvoices();
        assertThat(fees).hasSize(1);
        jobs.runDue(fees.get(0));
        assertThat(debits()).hasSize(1);   // the fee is never debited from the account that returned
        assertThat(decidedOutcome(fees.get(0))).isEqualTo("RETURNED_PAYMENT_FEE");
        assertThat(texts(".*a été refusé par votre banque \\(NSF\\)\\. Des frais de 25,00 \\$ s'appliquent\\. Nous tenterons le prélèvement une "
                + "seule autre fois.*")).isEqualTo(1);

        // the retry: a new pre-notice first, then the debit on its own business day
        Map<String, Object> second = notice(invoice, 2);
        assertThat(second.get("sent_at")).isNotNull();
        assertThat(calendar.isBusinessDay((LocalDate) second.get("debit_date"))).isTrue();
        untilTheDebit(invoice);
        assertThat(debits()).extracting(r -> r.getBodyAsString()).hasSize(2).last().asString().contains(invoice + "-ppa-2");
        untilTheSettlementCheck(invoice);

        assertThat(ledger(invoice + "-ppa-2")).isEqualTo("returned/NSF");
        assertThat(feeInvoices()).hasSize(2);   // one fee per returned debit
        assertThat(texts(".*a été refusé par votre banque \\(NSF\\)\\. Des frais de 25,00 \\$ s'appliquent\\. Payez au client.gigafibre.ca\\.")).isEqualTo(1);
        jobs.runDue(invoice);
        assertThat(notices(invoice)).isEqualTo(2);
        assertThat(debits()).hasSize(2);   // no third debit: past its due date the account's collections case takes the invoice
        assertThat(invoiceStatus(invoice)).isEqualTo("open");
        assertThat(endedAt(invoice)).isEqualTo("EndEvent_HandedOver");
    }

    @Test
    void anAccountClosedReturnSwitchesPpaOffTellsTheCustomerAndIsNotRetried() {
        String invoice = invoiceOf("100.00", start);
        fakes.returnDirectDebit(invoice + "-ppa-1", "905", "Account closed");
        jobs.runDue(invoice);
        untilTheDebit(invoice);
        untilTheSettlementCheck(invoice);

        assertThat(ledger(invoice + "-ppa-1")).isEqualTo("returned/account-closed");
        assertThat(jdbc.sql("SELECT ppa FROM automation.account_ppa_settings s JOIN automation.customer c ON c.id = s.customer_id WHERE c.customer_no = :no")
                .param("no", customer).query(Boolean.class).single()).isFalse();
        assertThat(as("ops").getForObject("/api/customers/" + customer + "/ppa", JsonNode.class).path("enabled").asBoolean()).isFalse();
        assertThat(texts(".*a été refusé par votre banque \\(Account closed\\).*Le paiement préautorisé est retiré de votre compte.*")).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(invoice).activityIdIn("Timer_DueDate").count()).isEqualTo(1);
        assertThat(notices(invoice)).isEqualTo(1);   // no new notice: no retry
        assertThat(debits()).hasSize(1);
    }

    @Test
    void theReturnedDebitTextWaitsForTheNotificationWindow() {
        String invoice = invoiceOf("100.00", start);
        LocalDate debitDay = returnedAt2130(invoice);

        assertThat(ledger(invoice + "-ppa-1")).isEqualTo("returned/payment-stopped");
        assertThat(texts(".*a été refusé par votre banque.*")).isZero();
        Job window = onlyTimer(invoice);
        assertThat(window.getDuedate()).isEqualTo(hours.notificationOn(calendar.nextBusinessDay(debitDay.plusDays(1))));

        ClockUtil.setCurrentTime(new Date(window.getDuedate().getTime() + 60_000L));
        jobs.runDue(invoice);
        assertThat(texts(".*a été refusé par votre banque \\(Payment stopped\\).*")).isEqualTo(1);
    }

    @Test
    void aPaymentWhileTheReturnedDebitsTextWaitsForTheWindowEndsTheInvoiceAndTheTextStillGoesInTheWindow() {
        String invoice = invoiceOf("100.00", start);
        LocalDate debitDay = returnedAt2130(invoice);

        // the customer pays the reopened invoice that night, before the notification window opens
        as("ops").postForEntity("/api/payments", Map.of("customerId", customer, "amount", "114.98", "method", "portal"), JsonNode.class);
        jobs.runDue(invoice);
        assertThat(texts(".*a été refusé par votre banque.*")).isZero();   // not at night

        ClockUtil.setCurrentTime(Date.from(calendar.nextBusinessDay(debitDay.plusDays(1)).atTime(8, 1).atZone(BusinessTime.ZONE).toInstant()));
        jobs.runDue(invoice);

        assertThat(texts(".*a été refusé par votre banque \\(Payment stopped\\).*Le paiement préautorisé est retiré.*")).isEqualTo(1);
        assertThat(texts(".*Nous tenterons le prélèvement.*")).isZero();
        assertThat(endedAt(invoice)).isEqualTo("EndEvent_Paid");
    }

    @Test
    void aPaymentWhileTheDebitIsPendingLeavesTheSettlementWaitInPpaChargeAndTheWebhookEndsIt() {
        String invoice = invoiceOf("100.00", start);
        jobs.runDue(invoice);
        untilTheDebit(invoice);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("ppa-charge").processInstanceBusinessKey(invoice)
                .activityIdIn("Task_AwaitSettlement").count()).isEqualTo(1);

        // a payment-pending invoice takes no other payment: the money is credit and the debit's wait goes on
        as("ops").postForEntity("/api/payments", Map.of("customerId", customer, "amount", "50.00", "method", "cheque"), JsonNode.class);
        jobs.runDue(invoice);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("ppa-charge").processInstanceBusinessKey(invoice)
                .activityIdIn("Task_AwaitSettlement").count()).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("billing-collections").processInstanceBusinessKey(invoice)
                .activityIdIn("CallActivity_PpaCharge").count()).isEqualTo(1);

        // the processor's webhook correlates by the invoice: only the ppa-charge waits for it
        assertThat(runtime.createMessageCorrelation("ChargeSettled").processInstanceBusinessKey(invoice).setVariable("settlement", "COMPLETED")
                .correlateAllWithResult()).hasSize(1);
        jobs.runDue(invoice);

        assertThat(invoiceStatus(invoice)).isEqualTo("paid");
        assertThat(endedAt(invoice)).isEqualTo("EndEvent_DebitSettled");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(invoice).count()).isZero();
    }

    @Test
    void aSettledDebitIsBookedToTheInvoicesCustomerWhateverTheCustomerIdVariableSays() {
        String invoice = invoiceOf("100.00", start);
        jobs.runDue(invoice);
        untilTheDebit(invoice);
        String other = customers.create("Autre", false, false, false);
        String charge = runtime.createProcessInstanceQuery().processDefinitionKey("ppa-charge").processInstanceBusinessKey(invoice)
                .activityIdIn("Task_AwaitSettlement").singleResult().getId();
        // a variable that no longer names the invoice's customer (set by hand, or by a forged message)
        runtime.setVariable(charge, "customerId", other);

        runtime.createMessageCorrelation("ChargeSettled").processInstanceBusinessKey(invoice).setVariable("settlement", "COMPLETED")
                .correlateAllWithResult();
        jobs.runDue(invoice);

        assertThat(invoiceStatus(invoice)).isEqualTo("paid");
        assertThat(paymentsOf(customer)).isEqualTo(1);
        assertThat(paymentsOf(other)).isZero();
    }

    @Test
    void aFixedDebitBelowTheInvoiceLeavesARestThatIsInvoicedOnceTheDebitSettlesAndFollowedToCollections() throws Exception {
        jdbc.sql("UPDATE automation.account_ppa_settings s SET ppa_fixed = 30.00 FROM automation.customer c WHERE c.id = s.customer_id AND c.customer_no = :no")
                .param("no", customer).update();
        String invoice = invoiceOf("100.00", start);   // 114.98 with taxes
        jobs.runDue(invoice);   // a fixed amount needs no pre-notice period: told and debited today

        assertThat(debits()).hasSize(1);
        assertThat(new ObjectMapper().readTree(debits().get(0).getBodyAsString()).path("amount").asInt()).isEqualTo(3000);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("ppa-charge").processInstanceBusinessKey(invoice)
                .activityIdIn("Task_AwaitSettlement").count()).isEqualTo(1);
        assertThat(texts(".*il reste.*")).isZero();   // pending at the bank: not paid yet, nothing said of a rest

        untilTheSettlementCheck(invoice);   // the bank settled the 30.00

        assertThat(jdbc.sql("SELECT status || ' ' || amount_paid FROM automation.invoice WHERE invoice_no = :no").param("no", invoice)
                .query(String.class).single()).isEqualTo("open 30.00");
        assertThat(texts("TARGO : 30,00.*déjà reçus sur votre facture " + invoice + " ; il reste 84,98.* à payer d'ici le .*")).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("billing-collections").processInstanceBusinessKey(invoice)
                .activityIdIn("Timer_DueDate").count()).isEqualTo(1);   // the rest: paid, or past the due date

        ClockUtil.setCurrentTime(Date.from(start.plusDays(22).atTime(10, 1).atZone(BusinessTime.ZONE).toInstant()));
        jobs.runDue(invoice);
        assertThat(endedAt(invoice)).isEqualTo("EndEvent_HandedOver");
    }

    private long paymentsOf(String customerNo) {
        return jdbc.sql("SELECT count(*) FROM automation.payment p JOIN automation.customer c ON c.id = p.customer_id WHERE c.customer_no = :no")
                .param("no", customerNo).query(Long.class).single();
    }

    /** The clock goes to the debit timer (the notice's debit day, 08:00) and its jobs run. */
    /** The invoice's bank debit, submitted on its day, returned for a stopped payment at 21:30 (as Stripe's webhook tells); returns the debit's day. */
    private LocalDate returnedAt2130(String invoice) {
        jobs.runDue(invoice);
        untilTheDebit(invoice);
        LocalDate debitDay = BusinessTime.today();
        ClockUtil.setCurrentTime(Date.from(debitDay.atTime(21, 30).atZone(BusinessTime.ZONE).toInstant()));
        runtime.createMessageCorrelation("ChargeSettled").processInstanceBusinessKey(invoice).setVariable("settlement", "RETURNED")
                .setVariable("returnReason", "Payment stopped").setVariable("returnCode", "903").correlateAllWithResult();
        jobs.runDue(invoice);
        return debitDay;
    }

    private void untilTheDebit(String invoice) {
        Job timer = onlyTimer(invoice);
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000L));
        assertThat(jobs.runDue(invoice)).isEmpty();
    }

    /** The daily settlement check runs at the next business day's notification window. */
    private void untilTheSettlementCheck(String invoice) {
        Job check = onlyTimer(invoice);
        ClockUtil.setCurrentTime(new Date(check.getDuedate().getTime() + 60_000L));
        assertThat(jobs.runDue(invoice)).isEmpty();
    }

    private Job onlyTimer(String invoice) {
        List<Job> timers = jobs.jobs(invoice).stream().filter(j -> j.getDuedate() != null).toList();
        assertThat(timers).hasSize(1);
        return timers.get(0);
    }

    private Map<String, Object> notice(String invoice, int attempt) {
        return jdbc.sql("""
                SELECT n.amount, n.debit_date, n.sent_at FROM automation.bank_debit_notice n JOIN automation.invoice i ON i.id = n.invoice_id
                WHERE i.invoice_no = :no AND n.attempt = :attempt
                """).param("no", invoice).param("attempt", attempt)
                .query((rs, n) -> Map.<String, Object>of("amount", rs.getBigDecimal(1), "debit_date", rs.getObject(2, LocalDate.class),
                        "sent_at", rs.getObject(3, OffsetDateTime.class))).single();
    }

    private long notices(String invoice) {
        return jdbc.sql("SELECT count(*) FROM automation.bank_debit_notice n JOIN automation.invoice i ON i.id = n.invoice_id WHERE i.invoice_no = :no")
                .param("no", invoice).query(Long.class).single();
    }

    private String ledger(String key) {
        return jdbc.sql("SELECT state || '/' || return_category FROM automation.charge_attempt WHERE idempotency_key = :key").param("key", key)
                .query(String.class).single();
    }

    private List<String> feeInvoices() {
        return jdbc.sql("""
                SELECT i.invoice_no FROM automation.invoice i JOIN automation.invoice_line l ON l.invoice_id = i.id
                JOIN automation.customer c ON c.id = i.customer_id WHERE c.customer_no = :no AND l.sku = 'FEE-RETURNED' ORDER BY i.id
                """).param("no", customer).query(String.class).list();
    }

    private String decidedOutcome(String invoice) {
        return (String) history.createHistoricVariableInstanceQuery().processInstanceId(
                history.createHistoricProcessInstanceQuery().processDefinitionKey("billing-collections").processInstanceBusinessKey(invoice).singleResult().getId())
                .variableName("ppaDecision").singleResult().getValue();
    }

    private String endedAt(String invoice) {
        return InvoiceProcessEnd.endEventOf(history, invoice);
    }

    private String invoiceStatus(String invoice) {
        return jdbc.sql("SELECT status FROM automation.invoice WHERE invoice_no = :no").param("no", invoice).query(String.class).single();
    }

    private List<HttpRequest> debits() {
        return List.of(fakes.server().retrieveRecordedRequests(request().withMethod("POST").withPath("/paysafe/directdebit/v1/accounts/.*/purchases")));
    }

    private int texts(String body) {
        return fakes.server().retrieveRecordedRequests(request().withMethod("POST").withPath("/twilio/2010-04-01/Accounts/.*/Messages.json")
                .withBody(ParameterBody.params(Parameter.param("Body", body)))).length;
    }

    private String invoiceOf(String amount, LocalDate issued) {
        return as("ops").postForObject("/api/invoices", Map.of("customerId", customer, "issueDate", issued.toString(),
                "dueDate", issued.plusDays(21).toString(),
                "lines", List.of(Map.of("description", "Fibre", "quantity", 1, "unitPrice", amount))), JsonNode.class).path("id").asText();
    }
}
