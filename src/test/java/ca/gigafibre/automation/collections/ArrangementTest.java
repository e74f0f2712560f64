package ca.gigafibre.automation.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;

import ca.gigafibre.automation.adapter.fake.FakeExternalSystems;
import ca.gigafibre.automation.billing.invoice.InvoiceDraft;
import ca.gigafibre.automation.billing.invoice.InvoiceLine;
import ca.gigafibre.automation.billing.invoice.InvoiceWriter;
import ca.gigafibre.automation.collections.arrangement.ArrangementJudge;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.rules.DecisionResult;
import ca.gigafibre.automation.testing.BusinessDayClock;
import ca.gigafibre.automation.testing.CollectionsStages;
import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.Jobs;
import ca.gigafibre.automation.testing.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.model.Parameter;
import org.mockserver.model.ParameterBody;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * account-collections over the real BPMN: two overdue invoices make one case, one negotiation task and one reminder
 * stream; arrangements through the task or the API, kept only when the agreed amount is paid by the due date; every
 * arrangement ends (kept or broken) wherever the case waits, when it closes, or in the sweep without a case.
 */
class ArrangementTest extends IntegrationTest {

    @Autowired
    TestCustomers customers;

    @Autowired
    FakeExternalSystems fakes;

    @Autowired
    Jobs jobs;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    TaskService tasks;

    @Autowired
    BusinessDayClock clock;

    @Autowired
    ArrangementJudge arrangementJudge;

    @Autowired
    InvoiceWriter invoiceWriter;

    private String customer;
    private List<String> invoices;
    private LocalDate start;

    @BeforeEach
    void twoInvoicesFallOverdue() {
        fakes.reset();
        start = clock.businessDay();
        customer = customers.create("Arrangement", false, false, false);
        invoices = List.of(invoice("100.00"), invoice("20.00"));   // 114.98 and 23.00 with taxes
        run();   // each invoice's billing-collections started with it
        clock.at(clock.nextCutDay(start.plusDays(23)));
        run();
    }

    @AfterEach
    void realClock() {
        clock.reset();
    }

    @Test
    void twoOverdueInvoicesMakeOneCaseOneTaskAndOneReminderStream() {
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("account-collections").processInstanceBusinessKey(customer).count())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM automation.collections_case k JOIN automation.customer c ON c.id = k.customer_id WHERE c.customer_no = :no")
                .param("no", customer).query(Long.class).single()).isEqualTo(1);
        Task negotiate = tasks.createTaskQuery().processInstanceBusinessKey(customer).singleResult();
        // the name tells this account's task from the next: the customer and what is overdue (114,98 $ + 23,00 $)
        assertThat(negotiate.getName()).isEqualTo("Négocier une entente de paiement / Negotiate payment arrangement — Test Arrangement, 137,98 $");
        assertThat((String) tasks.getVariable(negotiate.getId(), "overdueInvoices")).contains(invoices.get(0)).contains(invoices.get(1));
        assertThat((String) tasks.getVariable(negotiate.getId(), "overdueTotalText")).isEqualTo("137,98 $");
        assertThat(reminders()).isEqualTo(1);

        for (int week = 1; week <= 3; week++) {
            clock.at(clock.nextCutDay(BusinessTime.today().plusDays(7)));
            run();
        }
        assertThat(reminders()).isEqualTo(3);   // residential: the first, then two more (DMN overdue-reminders)
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(customer).count()).isEqualTo(1);
    }

    @Test
    void anArrangementAgreedInTheTaskIsRecordedOnceTheNegotiationHasEndedNotCaughtAsMadeElsewhere() {
        completeNegotiation("50.00", BusinessTime.today().plusDays(20));

        String negotiation = history.createHistoricProcessInstanceQuery().processDefinitionKey("account-collections-negotiation")
                .processInstanceBusinessKey(customer).singleResult().getId();
        List<String> passed = history.createHistoricActivityInstanceQuery().processInstanceId(negotiation).finished()
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
                .map(org.camunda.bpm.engine.history.HistoricActivityInstance::getActivityId).toList();
        assertThat(passed).containsSubsequence("UserTask_NegotiateArrangement", "EndEvent_ArrangementAgreed",
                "Gateway_NegotiationOutcome", "Task_RecordArrangement").doesNotContain("Boundary_ArrangementMade");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("account-collections-negotiation").processInstanceBusinessKey(customer)
                .activityIdIn("Timer_ArrangementDue").count()).isEqualTo(1);
        assertThat(arrangementStatus()).isEqualTo("open");
    }

    @Test
    void aReminderDueWhileAnArrangementRunsIsNotSentAndTheRulesSayWhy() {
        assertThat(reminders()).isEqualTo(1);
        completeNegotiation("50.00", BusinessTime.today().plusDays(20));

        clock.at(clock.nextCutDay(BusinessTime.today().plusDays(7)));
        run();

        assertThat(reminders()).isEqualTo(1);   // the second reminder's turn came: muted by rules/overdue-reminder.drl
        assertThat(jdbc.sql("""
                SELECT string_agg(d.outcome || ' ' || array_to_string(d.rules_fired, ','), ' | ' ORDER BY d.id) FROM automation.decision_log d
                JOIN automation.customer c ON c.id = d.customer_id WHERE c.customer_no = :no AND d.area = 'overdue-reminder'
                """).param("no", customer).query(String.class).single())
                .isEqualTo("SEND Balance still overdue: send the reminder | NO_REMINDER Payment arrangement running: no reminder");
    }

    @Test
    void anArrangementIsKeptOnlyWhenTheAgreedAmountIsPaidByTheDueDate() {
        LocalDate due = BusinessTime.today().plusDays(10);
        completeNegotiation("50.00", due);
        pay("40.00");   // 10 $ short by the due date
        clock.at(clock.nextCutDay(due.plusDays(1)));
        pay("10.00");   // too late to keep it
        run();

        assertThat(arrangementStatus()).isEqualTo("broken");
        assertThat(decisionOutcomes()).contains("BROKEN").doesNotContain("KEPT");
    }

    @Test
    void aKeptArrangementWithABalanceStillOverdueGoesBackToNegotiation() {
        LocalDate due = BusinessTime.today().plusDays(10);
        completeNegotiation("50.00", due);
        pay("50.00");
        clock.at(clock.nextCutDay(due.plusDays(1)));
        run();

        assertThat(arrangementStatus()).isEqualTo("kept");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("account-collections").processInstanceBusinessKey(customer).count())
                .isEqualTo(1);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(customer).singleResult().getName()).startsWith("Négocier");
    }

    @Test
    void payingEveryOverdueInvoiceClosesTheCase() {
        pay("137.98");
        run();

        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("account-collections").processInstanceBusinessKey(customer).count())
                .isZero();
        assertThat(jdbc.sql("SELECT outcome FROM automation.collections_case k JOIN automation.customer c ON c.id = k.customer_id WHERE c.customer_no = :no")
                .param("no", customer).query(String.class).single()).isEqualTo("cleared");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(customer).count()).isZero();
    }

    @Test
    void arrangementMadeThroughTheApiBrokenThenCutoffDueStartsTheSuspension() {
        LocalDate due = BusinessTime.today().plusDays(3);
        ResponseEntity<JsonNode> made = as("ops").postForEntity("/api/customers/" + customer + "/arrangements", Map.of("amount", "150.00",
                "dueDate", due.toString(), "cutoffDate", due.plusDays(7).toString(), "method", "cheque", "note", "Chèque promis"), JsonNode.class);
        assertThat(made.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(made.getBody().path("id").asText()).matches("ARR-\\d{5,}");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(customer).count()).isZero();

        clock.at(due.plusDays(1));
        run();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("suspension").processInstanceBusinessKey(customer).count()).isZero();
        assertThat(arrangementStatus()).isEqualTo("broken");

        clock.at(clock.nextCutDay(due.plusDays(7)));
        run();

        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("suspension").processInstanceBusinessKey(customer).count()).isEqualTo(1);
        assertThat(decisionOutcomes()).contains("CUTOFF_DUE", "BROKEN", "OPEN_CASE");
    }

    @Test
    void anArrangementEndsKeptWhenItsCaseClosesBecauseTheBalanceWasCleared() {
        completeNegotiation("150.00", BusinessTime.today().plusDays(10));   // agreed to cover the next invoice too
        pay("137.98");   // everything overdue, before the due date, less than agreed
        run();

        assertThat(caseOutcome()).isEqualTo("cleared");
        assertThat(arrangementStatus()).isEqualTo("kept");
        assertThat(decisionRules()).contains("A payment since the agreement left nothing overdue: arrangement kept");
    }

    @Test
    void anArrangementMadeWhileTheCaseWaitsAtTheWriteOffReviewIsJudgedAtItsDueDate() {
        waitAtWriteOffReview();
        LocalDate due = BusinessTime.today().plusDays(3);
        makeArrangement(customer, "150.00", due);   // nothing in the case's own path is waiting for it

        clock.at(due);
        run();
        assertThat(arrangementStatus()).isEqualTo("open");   // not before its due date is over
        clock.at(due.plusDays(1));
        run();

        assertThat(arrangementStatus()).isEqualTo("broken");
        assertThat(decisionRules()).contains("Due date passed without the agreed payment: arrangement broken");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(customer).singleResult().getTaskDefinitionKey())
                .isEqualTo("UserTask_ReviewWriteOff");   // the case still waits where it was
    }

    @Test
    void aSecondArrangementMadeWhileTheCaseFollowsTheFirstEndsTooAndRemindersGoOutAgain() {
        LocalDate today = BusinessTime.today();
        completeNegotiation("10.00", today.plusDays(3));
        makeArrangement(customer, "20.00", today.plusDays(5));
        pay("10.00");
        assertThat(reminders()).isEqualTo(1);

        clock.at(today.plusDays(6));
        run();
        JsonNode both = as("ops").getForObject("/api/customers/" + customer + "/arrangements", JsonNode.class);
        assertThat(both.findValuesAsText("status")).containsExactly("broken", "kept");   // newest first
        clock.at(clock.nextCutDay(today.plusDays(7)));
        run();

        assertThat(reminders()).isEqualTo(2);   // no arrangement left open to mute it
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(customer).singleResult().getName()).startsWith("Négocier");
    }

    @Test
    void anOpenArrangementWithoutACaseIsJudgedByTheSweepAndTheNextInvoiceIsPpaChargedAgain() {
        String noCase = customers.create("SansDossier", false, false, false);
        jdbc.sql("""
                INSERT INTO automation.account_ppa_settings (customer_id, stripe_ppa, stripe_customer_id)
                SELECT id, true, 'cus_ends123' FROM automation.customer WHERE customer_no = :no
                """).param("no", noCase).update();
        as("ops").postForEntity("/api/customers/" + noCase + "/payment-methods", Map.of("kind", "stripe-card", "stripeCustomerId", "cus_ends123",
                "stripePaymentMethodId", "pm_test123", "cardBrand", "visa", "cardLast4", "4242", "cardExpMonth", 12, "cardExpYear", 2030), JsonNode.class);
        LocalDate due = BusinessTime.today().plusDays(3);
        makeArrangement(noCase, "40.00", due);

        clock.at(clock.nextCutDay(due.plusDays(1)));
        int dueNow = arrangementJudge.duePage(0, 10_000).size();   // this one, and any another test left due in the shared database
        ResponseEntity<JsonNode> swept = as("ops").postForEntity("/api/collections/sweeps", null, JsonNode.class);
        assertThat(swept.getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(swept.getBody().path("arrangementsJudged").asInt()).isEqualTo(dueNow);
        assertThat(arrangementJudge.duePage(0, 10_000)).isEmpty();
        assertThat(as("ops").getForObject("/api/customers/" + noCase + "/arrangements", JsonNode.class).get(0).path("status").asText())
                .isEqualTo("broken");   // the 40 $ promised never came

        String next = as("ops").postForObject("/api/invoices", Map.of("customerId", noCase, "issueDate", BusinessTime.today().toString(),
                "dueDate", BusinessTime.today().plusDays(21).toString(), "lines", List.of(Map.of("description", "Fibre", "quantity", 1,
                        "unitPrice", "50.00"))), JsonNode.class).path("id").asText();
        jobs.runDue(next);

        assertThat(fakes.server().retrieveRecordedRequests(request().withMethod("POST").withPath("/stripe/v1/payment_intents")
                .withHeader("Idempotency-Key", next + "-ppa-1"))).hasSize(1);
    }

    @Test
    void anArrangementWhoseOverdueBalanceACreditClearedWithoutAPaymentIsKept() {
        String credited = customers.create("Credite", false, false, false);
        customers.overdueInvoice(credited, new BigDecimal("100.00"), 45);
        LocalDate due = BusinessTime.today().plusDays(3);
        makeArrangement(credited, "100.00", due);
        long customerId = jdbc.sql("SELECT id FROM automation.customer WHERE customer_no = :no").param("no", credited).query(Long.class).single();
        invoiceWriter.write(InvoiceDraft.of(customerId, BusinessTime.today(),   // a goodwill credit, as a cancellation's credit note leaves one
                List.of(InvoiceLine.untaxed("CREDIT", "Crédit de courtoisie / Goodwill credit", new BigDecimal("-100.00")))));
        assertThat(as("ops").getForObject("/api/customers/" + credited + "/balance", JsonNode.class).path("balance").decimalValue())
                .isEqualByComparingTo("0.00");

        clock.at(clock.nextCutDay(due.plusDays(1)));
        String arrangement = as("ops").getForObject("/api/customers/" + credited + "/arrangements", JsonNode.class).get(0).path("id").asText();
        DecisionResult judged = arrangementJudge.judge(arrangement, null);

        assertThat(judged.outcome()).isEqualTo("KEPT");
        assertThat(judged.rulesFired()).containsExactly("A credit since the agreement left nothing overdue: arrangement kept");
        assertThat(as("ops").getForObject("/api/customers/" + credited + "/arrangements", JsonNode.class).get(0).path("status").asText())
                .isEqualTo("kept");
    }

    @Test
    void aCreditIsNotThePaymentAgreedWhileABalanceIsStillOverdue() {
        String credited = customers.create("CreditePartiel", false, false, false);
        customers.overdueInvoice(credited, new BigDecimal("300.00"), 45);
        LocalDate due = BusinessTime.today().plusDays(3);
        makeArrangement(credited, "100.00", due);
        long customerId = jdbc.sql("SELECT id FROM automation.customer WHERE customer_no = :no").param("no", credited).query(Long.class).single();
        invoiceWriter.write(InvoiceDraft.of(customerId, BusinessTime.today(),
                List.of(InvoiceLine.untaxed("CREDIT", "Crédit de courtoisie / Goodwill credit", new BigDecimal("-100.00")))));

        clock.at(clock.nextCutDay(due.plusDays(1)));
        String arrangement = as("ops").getForObject("/api/customers/" + credited + "/arrangements", JsonNode.class).get(0).path("id").asText();

        assertThat(arrangementJudge.judge(arrangement, null).outcome()).isIn("BROKEN", "CUTOFF_DUE");   // 200 $ still overdue, nothing paid
    }

    @Test
    void aBlankOrPastArrangementInTheTaskIsRefusedWithTheFieldAndTheTaskStays() {
        Task negotiate = tasks.createTaskQuery().processInstanceBusinessKey(customer).singleResult();
        assertThatThrownBy(() -> tasks.complete(negotiate.getId(), Map.of("arrangementAgreed", true, "arrangementAmount", "",
                "arrangementDueDate", BusinessTime.today().minusDays(1).toString(), "arrangementCutoffDate", "", "arrangementNote", "x")))
                .hasMessageContaining("arrangementAmount").hasMessageContaining("arrangementDueDate").hasMessageContaining("arrangementCutoffDate");
        assertThat(tasks.createTaskQuery().taskId(negotiate.getId()).count()).isEqualTo(1);
        assertThat(jobs.incidents(customer)).isEmpty();
        assertThat(as("ops").getForObject("/api/customers/" + customer + "/arrangements", JsonNode.class)).isEmpty();
    }

    @Test
    void badArrangementsAreNamedAndNothingIsWritten() {
        long before = count("payment_arrangement");
        LocalDate today = BusinessTime.today();
        assertField(Map.of("amount", "150.00", "dueDate", today.plusDays(10).toString(), "cutoffDate", today.plusDays(5).toString()),
                HttpStatus.UNPROCESSABLE_ENTITY, "cutoffDate");
        assertField(Map.of("amount", "-1", "dueDate", today.plusDays(10).toString(), "cutoffDate", today.plusDays(15).toString()),
                HttpStatus.BAD_REQUEST, "amount");
        assertField(Map.of("amount", "cent", "dueDate", today.plusDays(10).toString(), "cutoffDate", today.plusDays(15).toString()),
                HttpStatus.BAD_REQUEST, "amount");
        assertField(Map.of("dueDate", today.plusDays(10).toString(), "cutoffDate", today.plusDays(15).toString()),
                HttpStatus.BAD_REQUEST, "amount");
        assertField(Map.of("amount", "10.00", "dueDate", today.minusDays(1).toString(), "cutoffDate", today.plusDays(15).toString()),
                HttpStatus.UNPROCESSABLE_ENTITY, "dueDate");
        assertThat(as("ops").postForEntity("/api/customers/C-99999999/arrangements", Map.of("amount", "10.00",
                "dueDate", today.plusDays(10).toString(), "cutoffDate", today.plusDays(15).toString()), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(count("payment_arrangement")).isEqualTo(before);
    }

    @Test
    void opsWorkTheNegotiationTaskButCannotWriteTheCasesVariablesBesideIt() {
        Task negotiate = tasks.createTaskQuery().processInstanceBusinessKey(customer).singleResult();
        LocalDate due = BusinessTime.today().plusDays(7);
        org.springframework.http.HttpHeaders json = new org.springframework.http.HttpHeaders();
        json.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);

        ResponseEntity<String> writeBeside = as("ops").exchange("/engine-rest/task/" + negotiate.getId() + "/variables/arrangementAmount",
                org.springframework.http.HttpMethod.PUT, new org.springframework.http.HttpEntity<>("{\"value\": 1.0, \"type\": \"Double\"}", json),
                String.class);
        ResponseEntity<String> submitted = as("ops").postForEntity("/engine-rest/task/" + negotiate.getId() + "/submit-form",
                new org.springframework.http.HttpEntity<>(("{\"variables\": {\"arrangementAgreed\": {\"value\": true}, \"arrangementAmount\": {\"value\": 60.0},"
                        + " \"arrangementDueDate\": {\"value\": \"%s\"}, \"arrangementCutoffDate\": {\"value\": \"%s\"},"
                        + " \"arrangementMethod\": {\"value\": \"phone\"}, \"arrangementNote\": {\"value\": \"Tasklist\"}}}")
                        .formatted(due, due.plusDays(7)), json), String.class);

        assertThat(writeBeside.getStatusCode()).as(writeBeside.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(arrangementStatus()).isEqualTo("open");
    }

    private void completeNegotiation(String amount, LocalDate due) {
        Task negotiate = tasks.createTaskQuery().processInstanceBusinessKey(customer).singleResult();
        tasks.complete(negotiate.getId(), Map.of("arrangementAgreed", true, "arrangementAmount", Double.parseDouble(amount),
                "arrangementDueDate", due.toString(), "arrangementCutoffDate", due.plusDays(7).toString(), "arrangementMethod", "phone",
                "arrangementNote", "Par téléphone avec Gen"));
        assertThat(arrangementStatus()).isEqualTo("open");
    }

    /** Puts the case where it waits months later (after the suspension): the write-off review. */
    private void waitAtWriteOffReview() {
        CollectionsStages.putAtWriteOffReview(runtime, customer);
    }

    private void makeArrangement(String customerNo, String amount, LocalDate due) {
        assertThat(as("ops").postForEntity("/api/customers/" + customerNo + "/arrangements", Map.of("amount", amount, "dueDate", due.toString(),
                "cutoffDate", due.plusDays(7).toString(), "method", "cheque", "note", "Chèque promis"), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    private String caseOutcome() {
        return jdbc.sql("SELECT outcome FROM automation.collections_case k JOIN automation.customer c ON c.id = k.customer_id WHERE c.customer_no = :no")
                .param("no", customer).query(String.class).single();
    }

    private List<String> decisionRules() {
        return as("ops").getForObject("/api/customers/" + customer + "/decisions", JsonNode.class).findValues("rulesFired").stream()
                .flatMap(rules -> java.util.stream.StreamSupport.stream(rules.spliterator(), false)).map(JsonNode::asText).toList();
    }

    private void pay(String amount) {
        assertThat(as("ops").postForEntity("/api/payments", Map.of("customerId", customer, "amount", amount, "method", "phone"), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private String arrangementStatus() {
        return as("ops").getForObject("/api/customers/" + customer + "/arrangements", JsonNode.class).get(0).path("status").asText();
    }

    private List<String> decisionOutcomes() {
        return as("ops").getForObject("/api/customers/" + customer + "/decisions", JsonNode.class).findValuesAsText("outcome");
    }

    private int reminders() {
        return fakes.server().retrieveRecordedRequests(request().withMethod("POST").withPath("/twilio/2010-04-01/Accounts/.*/Messages.json")
                .withBody(ParameterBody.params(Parameter.param("Body", ".*est dû depuis.*")))).length;
    }

    private void run() {
        jobs.runDue(invoices.get(0), invoices.get(1), customer);
    }

    private String invoice(String amount) {
        return as("ops").postForObject("/api/invoices", Map.of("customerId", customer, "issueDate", start.toString(),
                "dueDate", start.plusDays(21).toString(), "lines", List.of(Map.of("description", "Fibre", "quantity", 1, "unitPrice", amount))),
                JsonNode.class).path("id").asText();
    }

    private void assertField(Map<String, Object> body, HttpStatus status, String field) {
        ResponseEntity<JsonNode> answer = as("ops").postForEntity("/api/customers/" + customer + "/arrangements", body, JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(status);
        assertThat(answer.getBody().path("errors").findValuesAsText("field")).contains(field);
    }
}
