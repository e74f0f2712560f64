package ca.gigafibre.automation.collections;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.adapter.fake.FakeExternalSystems;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.support.BusinessDayClock;
import ca.gigafibre.automation.support.IntegrationTest;
import ca.gigafibre.automation.support.Jobs;
import ca.gigafibre.automation.support.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Payment arrangements through the API and the "Negotiate payment arrangement" task, kept or broken, on the engine clock. */
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
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    BusinessDayClock clock;

    private String customer;
    private String invoice;
    private LocalDate start;

    @BeforeEach
    void overdueInvoiceWaitingForANegotiation() {
        fakes.reset();
        start = clock.businessDay();
        customer = customers.create("Arrangement", false, false, false);
        invoice = as("ops").postForObject("/api/invoices", Map.of("customerId", customer, "issueDate", start.toString(),
                "dueDate", start.plusDays(21).toString(), "lines", List.of(Map.of("description", "Fibre", "quantity", 1, "unitPrice", "100.00"))),
                JsonNode.class).path("id").asText();
        runtime.startProcessInstanceByKey("billing-collections", invoice, Map.of("invoiceId", invoice, "customerId", customer,
                "dueDate", Date.from(start.plusDays(22).atStartOfDay(BusinessTime.ZONE).toInstant())));
        jobs.runDue(invoice);
        clock.at(start.plusDays(23));
        jobs.runDue(invoice);
    }

    @AfterEach
    void realClock() {
        clock.reset();
    }

    @Test
    void negotiatedArrangementPaidOnTimeIsKept() {
        Task negotiate = tasks.createTaskQuery().processInstanceBusinessKey(invoice).singleResult();
        assertThat(negotiate.getName()).isEqualTo("Negotiate payment arrangement");
        LocalDate due = start.plusDays(30);
        tasks.complete(negotiate.getId(), Map.of("arrangementAgreed", true, "arrangementAmount", 114.98, "arrangementDueDate", due.toString(),
                "arrangementCutoffDate", due.plusDays(7).toString(), "arrangementMethod", "phone", "arrangementNote", "Par téléphone avec Gen"));
        JsonNode arrangements = as("ops").getForObject("/api/customers/" + customer + "/arrangements", JsonNode.class);
        assertThat(arrangements).hasSize(1);
        assertThat(arrangements.get(0).path("status").asText()).isEqualTo("open");

        as("ops").postForEntity("/api/payments", Map.of("customerId", customer, "amount", "114.98", "method", "phone"), JsonNode.class);
        clock.at(due.plusDays(1));
        assertThat(jobs.runDue(invoice)).isEmpty();

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(invoice).singleResult().getEndActivityId())
                .isEqualTo("EndEvent_ArrangementKept");
        assertThat(as("ops").getForObject("/api/customers/" + customer + "/arrangements", JsonNode.class).get(0).path("status").asText())
                .isEqualTo("completed");
    }

    @Test
    void arrangementMadeThroughTheApiBrokenThenCutoffDueStartsTheSuspension() {
        LocalDate due = start.plusDays(26);
        ResponseEntity<JsonNode> made = as("ops").postForEntity("/api/customers/" + customer + "/arrangements", Map.of("amount", "150.00",
                "dueDate", due.toString(), "cutoffDate", due.plusDays(7).toString(), "method", "cheque", "note", "Chèque promis"), JsonNode.class);
        assertThat(made.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(made.getBody().path("id").asText()).matches("ARR-\\d{5,}");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(invoice).count()).isZero();

        clock.at(due.plusDays(1));
        jobs.runDue(invoice);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("suspension").processInstanceBusinessKey(customer).count()).isZero();
        assertThat(as("ops").getForObject("/api/customers/" + customer + "/arrangements", JsonNode.class).get(0).path("status").asText())
                .isEqualTo("broken");

        clock.at(due.plusDays(7));
        jobs.runDue(invoice);

        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("suspension").processInstanceBusinessKey(customer).count()).isEqualTo(1);
        assertThat(runtime.getVariable(runtime.createProcessInstanceQuery().processDefinitionKey("suspension").processInstanceBusinessKey(customer)
                .singleResult().getId(), "suspensionDecision")).isEqualTo("NOTICE_REQUIRED");
        JsonNode decisions = as("ops").getForObject("/api/customers/" + customer + "/decisions", JsonNode.class);
        assertThat(decisions.findValuesAsText("outcome")).contains("CUTOFF_DUE", "BROKEN");
    }

    @Test
    void badArrangementsAreNamedAndNothingIsWritten() {
        long before = count("payment_arrangement");
        LocalDate start = BusinessTime.today();
        assertField(Map.of("amount", "150.00", "dueDate", start.plusDays(10).toString(), "cutoffDate", start.plusDays(5).toString()),
                HttpStatus.UNPROCESSABLE_ENTITY, "cutoffDate");
        assertField(Map.of("amount", "-1", "dueDate", start.plusDays(10).toString(), "cutoffDate", start.plusDays(15).toString()),
                HttpStatus.BAD_REQUEST, "amount");
        assertField(Map.of("amount", "cent", "dueDate", start.plusDays(10).toString(), "cutoffDate", start.plusDays(15).toString()),
                HttpStatus.BAD_REQUEST, "amount");
        assertField(Map.of("amount", "10.00", "dueDate", start.minusDays(1).toString(), "cutoffDate", start.plusDays(15).toString()),
                HttpStatus.UNPROCESSABLE_ENTITY, "dueDate");
        assertThat(as("ops").postForEntity("/api/customers/C-99999999/arrangements", Map.of("amount", "10.00",
                "dueDate", start.plusDays(10).toString(), "cutoffDate", start.plusDays(15).toString()), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(count("payment_arrangement")).isEqualTo(before);
    }

    private void assertField(Map<String, Object> body, HttpStatus status, String field) {
        ResponseEntity<JsonNode> answer = as("ops").postForEntity("/api/customers/" + customer + "/arrangements", body, JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(status);
        assertThat(answer.getBody().path("errors").findValuesAsText("field")).contains(field);
    }
}
