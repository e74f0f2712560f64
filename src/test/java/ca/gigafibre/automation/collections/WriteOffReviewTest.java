package ca.gigafibre.automation.collections;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.testing.CollectionsStages;
import ca.gigafibre.automation.testing.EngineClockTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The write-off review of account-collections over the real BPMN, completed by an ops user through the engine REST as
 * Tasklist does: writing off closes every overdue invoice as written-off by a credit note naming it, so the balance,
 * the sweep and the audit log agree; keeping on collecting writes nothing off.
 */
class WriteOffReviewTest extends EngineClockTest {

    @Autowired
    TaskService tasks;

    @Autowired
    org.camunda.bpm.engine.HistoryService history;

    private String customer;
    private List<String> invoices;

    @BeforeEach
    void aCaseWaitsAtTheWriteOffReview() {
        LocalDate start = clock.businessDay();
        customer = customers.create("Radiation", false, false, false);
        invoices = List.of(invoice(start, "100.00"), invoice(start, "20.00"));   // 114.98 and 23.00 with taxes
        run();
        clock.at(clock.nextCutDay(start.plusDays(23)));
        run();
        // the review comes months later, after the suspension: the case is put there directly
        CollectionsStages.putAtWriteOffReview(runtime, customer);
    }

    @Test
    void writingOffClosesEveryOverdueInvoiceByACreditNoteAndTheSweepOpensNoNewCase() {
        pay("14.98");   // the first invoice is partly paid: 100.00 of it is still overdue

        ResponseEntity<String> submitted = submitReview(true, "Client parti sans laisser d'adresse");

        assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(invoices).allSatisfy(invoice -> assertThat(as("ops").getForObject("/api/invoices/" + invoice, JsonNode.class)
                .path("status").asText()).isEqualTo("written-off"));
        List<Map<String, Object>> creditNotes = jdbc.sql("""
                SELECT n.invoice_no, n.total, n.tps, n.tvq, l.amount, l.description FROM automation.invoice n
                JOIN automation.invoice i ON i.id = n.credit_note_for JOIN automation.invoice_line l ON l.invoice_id = n.id
                WHERE i.invoice_no IN (:invoices)
                """).param("invoices", invoices).query().listOfRows();
        assertThat(creditNotes).hasSize(2);
        assertThat(creditNotes.stream().map(n -> (BigDecimal) n.get("total")).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("-123.00");   // 100.00 + 23.00 written off
        assertThat(creditNotes).allSatisfy(n -> assertThat((BigDecimal) n.get("amount")).isNegative());
        assertThat(creditNotes).anySatisfy(n -> assertThat((String) n.get("description")).contains(invoices.get(0)));

        JsonNode balance = as("ops").getForObject("/api/customers/" + customer + "/balance", JsonNode.class);
        assertThat(balance.path("overdue").decimalValue()).isEqualByComparingTo("0");
        assertThat(balance.path("balance").decimalValue()).isEqualByComparingTo("0");
        assertThat(caseOutcome()).containsExactly("written-off");

        assertThat(as("ops").postForEntity("/api/collections/sweeps", null, JsonNode.class).getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(caseOutcome()).containsExactly("written-off");   // no new case
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("account-collections").processInstanceBusinessKey(customer).count())
                .isZero();

        Map<String, Object> audit = jdbc.sql("""
                SELECT actor, reason, details::text AS details FROM automation.audit_log WHERE action = 'collections.write-off' AND entity_ref = :no
                """).param("no", customer).query().singleRow();
        assertThat(audit.get("actor")).isEqualTo("ops");
        assertThat((String) audit.get("reason")).contains("Radiation décidée par ops").contains("123,00").contains("Write-off decided by ops")
                .contains("$123.00").contains("Client parti");
        assertThat((String) audit.get("details")).contains("\"decidedBy\": \"ops\"").contains("\"amount\": 123.00").contains(invoices.get(1));
    }

    @Test
    void aWrittenOffAccountStaysSuspendedWhenTheSweepFindsNothingOverdue() {
        jdbc.sql("""
                INSERT INTO automation.suspension (customer_id, started_at, reason)
                SELECT id, :started, 'non-payment' FROM automation.customer WHERE customer_no = :no
                """).param("started", BusinessTime.now().minusDays(60)).param("no", customer).update();

        assertThat(submitReview(true, "Irrécouvrable").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(as("ops").postForEntity("/api/collections/sweeps", null, JsonNode.class).getStatusCode().is2xxSuccessful()).isTrue();

        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("reactivation").processInstanceBusinessKey(customer).count())
                .isZero();   // written off is not paid: service stays cut until staff restore it
        assertThat(jdbc.sql("""
                SELECT count(*) FROM automation.open_suspension s JOIN automation.customer c ON c.id = s.customer_id WHERE c.customer_no = :no
                """).param("no", customer).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void keepingOnCollectingWritesNothingOff() {
        ResponseEntity<String> submitted = submitReview(false, "Le client a promis de rappeler");

        assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(invoices).allSatisfy(invoice -> assertThat(as("ops").getForObject("/api/invoices/" + invoice, JsonNode.class)
                .path("status").asText()).isEqualTo("open"));
        assertThat(jdbc.sql("""
                SELECT count(*) FROM automation.invoice n JOIN automation.invoice i ON i.id = n.credit_note_for WHERE i.invoice_no IN (:invoices)
                """).param("invoices", invoices).query(Long.class).single()).isZero();
        assertThat(as("ops").getForObject("/api/customers/" + customer + "/balance", JsonNode.class).path("overdue").decimalValue())
                .isEqualByComparingTo("137.98");
        assertThat(caseOutcome()).containsExactly((String) null);   // still open, waiting for the next review
        assertThat(jdbc.sql("SELECT count(*) FROM automation.audit_log WHERE action = 'collections.write-off' AND entity_ref = :no")
                .param("no", customer).query(Long.class).single()).isZero();
    }

    private ResponseEntity<String> submitReview(boolean writeOff, String note) {
        Task review = tasks.createTaskQuery().processInstanceBusinessKey(customer).taskDefinitionKey("UserTask_ReviewWriteOff").singleResult();
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        return as("ops").postForEntity("/engine-rest/task/" + review.getId() + "/submit-form", new HttpEntity<>(
                "{\"variables\": {\"writeOff\": {\"value\": %s}, \"writeOffNote\": {\"value\": \"%s\"}}}".formatted(writeOff, note), json),
                String.class);
    }

    private List<String> caseOutcome() {
        return jdbc.sql("SELECT outcome FROM automation.collections_case k JOIN automation.customer c ON c.id = k.customer_id WHERE c.customer_no = :no")
                .param("no", customer).query(String.class).list();
    }

    private void pay(String amount) {
        assertThat(as("ops").postForEntity("/api/payments", Map.of("customerId", customer, "amount", amount, "method", "phone"), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private void run() {
        jobs.runDue(invoices.get(0), invoices.get(1), customer);
    }

    private String invoice(LocalDate start, String amount) {
        return as("ops").postForObject("/api/invoices", Map.of("customerId", customer, "issueDate", start.toString(),
                "dueDate", start.plusDays(21).toString(), "lines", List.of(Map.of("description", "Fibre", "quantity", 1, "unitPrice", amount))),
                JsonNode.class).path("id").asText();
    }
}
