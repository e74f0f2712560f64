package ca.gigafibre.automation.rules.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;

import ca.gigafibre.automation.testing.CollectionsStages;
import ca.gigafibre.automation.testing.EngineClockTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.mockserver.matchers.TimeToLive;
import org.mockserver.matchers.Times;
import org.mockserver.model.HttpResponse;
import org.mockserver.model.MediaType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Decisions visible and explained, over the real BPMN on the engine clock: each DMN table is evaluated by a business-rule
 * task of its process (so it is in Camunda's decision history with the task's activity id) and shows in
 * {@code GET /api/customers/{id}/decisions} with its inputs, matched rule and French/English why; the technician ranking
 * and a person's decision (who, what) show there too.
 */
class DecisionsExplainedTest extends EngineClockTest {

    @Autowired
    HistoryService history;

    @Autowired
    TaskService tasks;

    @Test
    void eachDeclinedChargeIsPlannedByTheChargeRetryTaskAndExplained() {
        String customer = customers.create("Refus", false, false, false);
        jdbc.sql("""
                INSERT INTO automation.account_ppa_settings (customer_id, stripe_ppa, stripe_customer_id)
                SELECT id, true, 'cus_decline93' FROM automation.customer WHERE customer_no = :no
                """).param("no", customer).update();
        as("ops").postForEntity("/api/customers/" + customer + "/payment-methods", Map.of("kind", "stripe-card", "stripeCustomerId",
                "cus_decline93", "stripePaymentMethodId", "pm_test123", "cardBrand", "visa", "cardLast4", "4242", "cardExpMonth", 12,
                "cardExpYear", 2030), JsonNode.class);
        String invoice = invoice(customer, start, "50.00");

        jobs.runDue(invoice);
        clock.at(start.plusDays(3));
        jobs.runDue(invoice);
        clock.at(start.plusDays(10));
        jobs.runDue(invoice);

        String charge = history.createHistoricProcessInstanceQuery().processDefinitionKey("ppa-charge").processInstanceBusinessKey(invoice)
                .singleResult().getId();
        List<HistoricDecisionInstance> evaluated = history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("charge-retry")
                .processInstanceId(charge).includeInputs().includeOutputs().orderByEvaluationTime().asc().list();
        assertThat(evaluated).extracting(HistoricDecisionInstance::getActivityId).containsExactly("Task_PlanChargeRetry",
                "Task_PlanChargeRetry", "Task_PlanChargeRetry");
        assertThat(evaluated).extracting(d -> d.getInputs().get(0).getValue()).containsExactly(1, 2, 3);

        List<JsonNode> logged = decisions(customer, "charge-retry");
        assertThat(logged).extracting(d -> d.path("rulesFired").get(0).asText())
                .containsExactly("Rule_ThirdDecline", "Rule_SecondDecline", "Rule_FirstDecline");   // newest first
        JsonNode first = logged.get(2);
        assertThat(first.path("outcome").asText()).isEqualTo("retryInDays=3, giveUp=false");
        assertThat(first.path("facts").path("inputs").path("declinedAttempts").asInt()).isEqualTo(1);
        assertThat(first.path("facts").path("activityId").asText()).isEqualTo("Task_PlanChargeRetry");
        assertThat(first.path("explanationFr").asText()).isEqualTo("Premier refus : nouvel essai trois jours plus tard");
        assertThat(first.path("explanationEn").asText()).isEqualTo("First decline: try again three days later");
        assertThat(first.path("subjectRef").asText()).isEqualTo(invoice);
        assertThat(first.path("processInstanceId").asText()).isEqualTo(charge);
        assertThat(logged.get(0).path("outcome").asText()).isEqualTo("retryInDays=0, giveUp=true");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(invoice).singleResult().getTaskDefinitionKey())
                .isEqualTo("UserTask_ReviewFailedCharge");
    }

    @Test
    void theRemindersPlanAndThePersonsWriteOffReviewAreLoggedWithWhoDecided() {
        String customer = customers.create("Rappels", false, false, false);
        List<String> invoices = List.of(invoice(customer, start, "100.00"));
        jobs.runDue(invoices.get(0), customer);
        clock.at(clock.nextCutDay(start.plusDays(23)));
        jobs.runDue(invoices.get(0), customer);

        String account = runtime.createProcessInstanceQuery().processDefinitionKey("account-collections").processInstanceBusinessKey(customer)
                .singleResult().getId();
        HistoricDecisionInstance plan = history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("overdue-reminders")
                .processInstanceId(account).includeInputs().singleResult();
        assertThat(plan.getActivityId()).isEqualTo("Task_PlanCase");
        assertThat(plan.getInputs().get(0).getValue()).isEqualTo(false);
        assertThat(runtime.getVariable(account, "reminderInterval")).isEqualTo("P7D");
        JsonNode reminders = decisions(customer, "overdue-reminders").get(0);
        assertThat(reminders.path("rulesFired")).extracting(JsonNode::asText).containsExactly("Rule_Residential");
        assertThat(reminders.path("explanationFr").asText()).isEqualTo("Résidentiel : deux rappels de plus, à une semaine d'intervalle");
        assertThat(reminders.path("explanationEn").asText()).isEqualTo("Residential: two more reminders, a week apart");
        assertThat(reminders.hasNonNull("decidedBy")).isFalse();   // the engine decided, no person

        CollectionsStages.putAtWriteOffReview(runtime, customer);
        Task review = tasks.createTaskQuery().processInstanceBusinessKey(customer).taskDefinitionKey("UserTask_ReviewWriteOff").singleResult();
        HttpHeaders json = new HttpHeaders();
        json.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        ResponseEntity<String> submitted = as("ops").postForEntity("/engine-rest/task/" + review.getId() + "/submit-form", new HttpEntity<>(
                "{\"variables\": {\"writeOff\": {\"value\": false}, \"writeOffNote\": {\"value\": \"Le client rappelle lundi\"}}}", json),
                String.class);
        assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

        List<JsonNode> reviewed = decisions(customer, "UserTask_ReviewWriteOff");
        assertThat(reviewed).hasSize(1);
        assertThat(reviewed.get(0).path("decidedBy").asText()).isEqualTo("ops");
        assertThat(reviewed.get(0).path("outcome").asText()).isEqualTo("writeOff=false");
        assertThat(reviewed.get(0).path("facts").path("decided").path("writeOffNote").asText()).isEqualTo("Le client rappelle lundi");
        assertThat(reviewed.get(0).path("explanationFr").asText())
                .isEqualTo("« Examiner une radiation » décidé par ops : writeOff = non ; writeOffNote = « Le client rappelle lundi »");
        assertThat(reviewed.get(0).path("explanationEn").asText())
                .isEqualTo("\"Review write-off\" decided by ops: writeOff = no; writeOffNote = \"Le client rappelle lundi\"");
    }

    @Test
    void aTicketsTriageRemoteFixRankingDispatchAndBillableVisitAreEachLoggedWithWhy() {
        String customer = customers.create("Billet", false, false, false);
        String location = as("ops").getForObject("/api/customers/" + customer, JsonNode.class).path("locations").get(0).path("id").asText();
        String ont = customers.installOnt(customer, fakes);
        jdbc.sql("UPDATE automation.service_location SET olt_port = :port, latitude = 46.8139, longitude = -71.2080 WHERE location_no = :no")
                .param("port", "9/" + ont.substring(4, 8) + "/" + ont.substring(8)).param("no", location).update();
        fakes.server().when(request().withMethod("GET").withPath("/olt/v1/onts/" + ont), Times.unlimited(), TimeToLive.unlimited(), 10)
                .respond(HttpResponse.response().withStatusCode(200).withContentType(MediaType.APPLICATION_JSON)
                        .withBody("{\"serial\":\"" + ont + "\",\"oltId\":\"OLT-EAST\",\"port\":\"1/2/3\",\"state\":\"enabled\",\"rxPowerDbm\":-29.3}"));
        String technician = as("ops").postForObject("/api/technicians", Map.of("name", "Décision " + ont, "skills", Map.of("fibre", 5),
                "baseLatitude", "46.8139", "baseLongitude", "-71.2080"), JsonNode.class).path("id").asText();

        JsonNode opened = as("ops").postForObject("/api/tickets", Map.of("customerId", customer, "locationId", location, "type", "no-internet"),
                JsonNode.class);
        String ticket = opened.path("id").asText();
        assertThat(opened.path("priority").asText()).isEqualTo("high");   // triaged as the ticket opens
        jobs.runDue(ticket);

        String resolution = processOf(ticket, "support-resolution");
        HistoricDecisionInstance triage = history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("ticket-triage")
                .processInstanceId(resolution).singleResult();
        assertThat(triage.getActivityId()).isEqualTo("Task_TriageTicket");
        String remote = history.createHistoricProcessInstanceQuery().processDefinitionKey("support-remote-fix").processInstanceBusinessKey(ticket)
                .singleResult().getId();
        HistoricDecisionInstance fix = history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("remote-fix")
                .processInstanceId(remote).singleResult();
        assertThat(fix.getActivityId()).isEqualTo("Task_DecideRemoteFix");

        JsonNode triaged = decisions(customer, "ticket-triage").get(0);
        assertThat(triaged.path("rulesFired")).extracting(JsonNode::asText).containsExactly("Rule_NoInternet");
        assertThat(triaged.path("facts").path("inputs").path("ticketType").asText()).isEqualTo("no-internet");
        assertThat(triaged.path("outcome").asText()).contains("priority=high", "requiredSkill=fibre", "slaHours=8");
        assertThat(triaged.path("explanationFr").asText()).isEqualTo("Pas d'internet");
        assertThat(triaged.path("explanationEn").asText()).isEqualTo("No internet");
        JsonNode fixed = decisions(customer, "remote-fix").get(0);
        assertThat(fixed.path("rulesFired")).extracting(JsonNode::asText).containsExactly("Rule_Critical");
        assertThat(fixed.path("facts").path("inputs").path("signal").asText()).isEqualTo("critical");
        assertThat(fixed.path("explanationEn").asText()).isEqualTo("No light or a critical signal is physical: dispatch");
        assertThat(fixed.path("explanationFr").asText()).isEqualTo("Pas de lumière ou signal critique, un problème physique : un technicien");
        JsonNode ranking = decisions(customer, "technician-ranking").get(0);
        assertThat(ranking.path("outcome").asText()).startsWith("SUGGESTED ");
        assertThat(ranking.path("subjectRef").asText()).isEqualTo(ticket);
        assertThat(ranking.path("explanationFr").asText()).contains(technician + " (100) : niveau 5/5 en fibre");
        assertThat(ranking.path("explanationEn").asText()).contains(technician + " (100): level 5/5 in fibre");
        assertThat(ranking.path("rulesFired")).extracting(JsonNode::asText)
                .contains("A skilled technician is ranked by level, then load that day, then distance");

        Task dispatch = tasks.createTaskQuery().processInstanceBusinessKey(ticket).singleResult();
        tasks.claim(dispatch.getId(), "ops");
        tasks.complete(dispatch.getId(), Map.of("appointmentDate", start.plusDays(1).toString(), "appointmentWindow", "am",
                "technicianId", technician));
        jobs.runDue(ticket);
        JsonNode dispatched = decisions(customer, "UserTask_Dispatch").get(0);
        assertThat(dispatched.path("decidedBy").asText()).isEqualTo("ops");
        assertThat(dispatched.path("outcome").asText()).isEqualTo("technicianId=" + technician);

        String day = start.plusDays(1).toString();
        assertThat(as("ops").postForEntity("/api/tickets/" + ticket + "/work-orders", Map.of("technicians", List.of(Map.of("technicianId",
                technician, "arrivedAt", day + "T10:00:00-05:00", "departedAt", day + "T11:00:00-05:00")), "notes", "Connecteur remplacé",
                "outcome", "resolved", "cause", "customer-damage"), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        jobs.runDue(ticket);

        String visit = history.createHistoricProcessInstanceQuery().processDefinitionKey("support-work-order").processInstanceBusinessKey(ticket)
                .singleResult().getId();
        HistoricDecisionInstance billable = history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("work-billable")
                .processInstanceId(visit).includeOutputs().singleResult();
        assertThat(billable.getActivityId()).isEqualTo("Task_DecideBillable");
        JsonNode billed = decisions(customer, "work-billable").get(0);
        assertThat(billed.path("facts").path("inputs").path("cause").asText()).isEqualTo("customer-damage");
        assertThat(billed.path("outcome").asText()).startsWith("billable=true");
        assertThat(billed.path("explanationFr").asText()).isEqualTo("Un dommage causé par le client est facturé");
        assertThat(billed.path("explanationEn").asText()).isEqualTo("Damage by the customer is billed");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(resolution).variableName("labourInvoiceId").singleResult())
                .isNotNull();
    }

    private List<JsonNode> decisions(String customer, String area) {
        List<JsonNode> found = new ArrayList<>();
        as("ops").getForObject("/api/customers/" + customer + "/decisions?limit=500", JsonNode.class).forEach(d -> {
            if (area.equals(d.path("area").asText())) {
                found.add(d);
            }
        });
        return found;
    }

    private String processOf(String businessKey, String processKey) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).processInstanceBusinessKey(businessKey)
                .singleResult().getId();
    }

    private String invoice(String customer, LocalDate issued, String amount) {
        return as("ops").postForObject("/api/invoices", Map.of("customerId", customer, "issueDate", issued.toString(),
                "dueDate", issued.plusDays(21).toString(), "lines", List.of(Map.of("description", "Fibre", "quantity", 1, "unitPrice", amount))),
                JsonNode.class).path("id").asText();
    }
}
