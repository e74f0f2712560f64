package ca.gigafibre.automation.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.JsonBody.json;

import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.testing.CalledStages;
import ca.gigafibre.automation.testing.EngineClockTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.mockserver.model.Parameter;
import org.mockserver.model.ParameterBody;
import org.mockserver.verify.VerificationTimes;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Suspensions by reason through {@code POST /api/customers/{id}/suspension}, on the engine clock over the real BPMN and
 * rules: a customer's request waits for its date without notice, abuse and fraud are cut at once (an admin's request)
 * or after an admin's approval (an ops request), and only staff lift what is not a non-payment suspension.
 */
class SuspensionReasonsTest extends EngineClockTest {

    @Test
    void aCustomersRequestWaitsForItsDateSendsNoNoticeAndOnlyStaffLiftIt() {
        String customer = customers.create("Vacances", false, false, false);
        String ont = customers.installOnt(customer, fakes);
        LocalDate date = clock.nextCutDay(BusinessTime.today().plusDays(7));

        ResponseEntity<JsonNode> asked = suspend("ops", customer, Map.of("reason", "customer-request", "note", "Voyage de trois mois",
                "effectiveDate", date.toString()));

        assertThat(asked.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        ProcessInstance instance = instance(asked);
        assertThat(instance).isWaitingAt("Timer_NextCutWindow").variables().containsEntry("suspensionDecision", "WAIT_CUT_WINDOW");
        LocalDateTime cut = LocalDateTime.ofInstant(((Date) runtime.getVariable(instance.getId(), "nextCutTime")).toInstant(), BusinessTime.ZONE);
        assertThat(cut).isEqualTo(date.atTime(8, 0));
        assertThat(jobs.runDue(customer)).isEmpty();
        fakes.server().verify(request().withMethod("PATCH").withPath("/olt/v1/onts/" + ont), VerificationTimes.never());

        clock.at(date);
        assertThat(jobs.runDue(customer)).isEmpty();

        assertThat(instance).isEnded().hasPassed("Task_RecordSuspension", "Task_DisableOnts").hasNotPassed("CallActivity_SuspensionNotice");
        assertThat(CalledStages.passed(engine, instance, "suspension-notice")).isEmpty();
        fakes.server().verify(request().withMethod("POST").withPath("/twilio/2010-04-01/Accounts/.*/Messages.json")
                .withBody(ParameterBody.params(Parameter.param("Body", ".*avis de coupure.*"))), VerificationTimes.never());
        assertThat(suspension(customer)).containsEntry("reason", "customer-request").containsEntry("requested_by", "ops")
                .containsEntry("note", "Voyage de trois mois");

        assertNotLiftedByPaymentOrSweep(customer);
        lift(customer, "customer-request");
        fakes.server().verify(request().withMethod("PATCH").withPath("/olt/v1/onts/" + ont).withBody(json("{\"state\":\"enabled\"}")),
                VerificationTimes.once());
        // both were a person's decisions: in the decision log with who and why, newest first
        assertThat(staffDecisions(customer)).containsExactly(
                "reactivation LIFTED_BY_STAFF ops: Suspension lifted by ops: customer-request",
                "suspension ASKED_BY_STAFF ops: Suspension asked by ops (customer-request) — « Voyage de trois mois »");
    }

    @Test
    void abuseAskedByAnAdminIsCutAtTenPmOnASaturdayWithoutApprovalAndTheCustomerIsToldInBusinessHours() {
        String customer = customers.create("Abus", false, false, false);
        String ont = customers.installOnt(customer, fakes);
        LocalDate saturday = clock.saturday();
        ClockUtil.setCurrentTime(Date.from(saturday.atTime(22, 0).atZone(BusinessTime.ZONE).toInstant()));

        ProcessInstance instance = instance(suspend("admin", customer, Map.of("reason", "abuse", "note", "Pourriel massif")));
        assertThat(jobs.runDue(customer)).isEmpty();

        assertThat(instance).hasPassed("Task_RecordSuspension", "Task_DisableOnts").hasNotPassed(
                "UserTask_ApproveSuspension", "CallActivity_SuspensionNotice").isWaitingAt("Timer_NotifySuspendedWindow");
        fakes.server().verify(request().withMethod("PATCH").withPath("/olt/v1/onts/" + ont)
                .withBody(json("{\"state\":\"disabled\"}")), VerificationTimes.once());
        fakes.server().verify(request().withMethod("POST").withPath("/twilio/.*"), VerificationTimes.never());
        assertThat(suspension(customer)).containsEntry("reason", "abuse");

        clock.at(clock.nextCutDay(saturday.plusDays(1)));   // the next business morning: now the customer is told, without "pay"
        assertThat(jobs.runDue(customer)).isEmpty();
        assertThat(instance).isEnded().hasPassed("Task_NotifySuspended");
        fakes.server().verify(request().withMethod("POST").withPath("/twilio/2010-04-01/Accounts/.*/Messages.json")
                .withBody(ParameterBody.params(Parameter.param("Body", "TARGO : votre service est suspendu\\. Le 9-1-1 reste accessible\\. Appelez-nous.*"))),
                VerificationTimes.once());
        assertNotLiftedByPaymentOrSweep(customer);
        lift(customer, "Abus réglé avec le client");
    }

    @Test
    void fraudAskedByOpsWaitsForAnAdministratorsApprovalTask() {
        String customer = customers.create("Fraude", false, false, false);
        String ont = customers.installOnt(customer, fakes);

        ProcessInstance instance = instance(suspend("ops", customer, Map.of("reason", "fraud", "note", "Carte volée")));

        assertThat(instance).isWaitingAt("UserTask_ApproveSuspension").variables()
                .containsEntry("suspensionDecision", "ADMIN_APPROVAL_REQUIRED");
        assertThat(task()).hasCandidateGroup("camunda-admin");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup("ops").count()).isZero();
        jobs.runDue(customer);
        fakes.server().verify(request().withMethod("PATCH").withPath("/olt/v1/onts/" + ont), VerificationTimes.never());

        complete(task(), withVariables("approved", true, "approvalNote", "Fraude confirmée"));
        assertThat(jobs.runDue(customer)).isEmpty();

        assertThat(instance).isEnded().hasPassed("Task_DisableOnts");
        assertThat(suspension(customer)).containsEntry("reason", "fraud");
        assertNotLiftedByPaymentOrSweep(customer);
    }

    @Test
    void fraudAskedForAnAccountAlreadyCutForNonPaymentTakesOverTheSuspensionSoAPaymentNoLongerLiftsIt() {
        String customer = customers.create("FraudeApresCoupure", false, false, false);
        customers.installOnt(customer, fakes);
        assertThat(instance(suspend("ops", customer, Map.of("reason", "non-payment")))).isNotNull();
        assertThat(jobs.runDue(customer)).isEmpty();
        assertThat(suspension(customer)).containsEntry("reason", "non-payment");

        ProcessInstance fraud = instance(suspend("admin", customer, Map.of("reason", "fraud", "note", "Identité usurpée")));
        assertThat(jobs.runDue(customer)).isEmpty();

        assertThat(fraud).hasPassed("Task_RecordSuspension").variables().containsEntry("suspensionDecision", "SUSPEND");
        assertThat(suspension(customer)).containsEntry("reason", "fraud").containsEntry("requested_by", "admin");
        assertThat(jdbc.sql("SELECT count(*) FROM automation.open_suspension s JOIN automation.customer c ON c.id = s.customer_id"
                + " WHERE c.customer_no = :no").param("no", customer).query(Long.class).single()).isEqualTo(1);
        assertNotLiftedByPaymentOrSweep(customer);
    }

    @Test
    void theSweepLiftsANonPaymentSuspensionOnceNothingIsOverdue() {
        String customer = customers.create("SweepLifts", false, false, false);
        ProcessInstance instance = instance(suspend("ops", customer, Map.of("reason", "non-payment")));
        assertThat(jobs.runDue(customer)).isEmpty();
        assertThat(instance).isEnded().hasPassed("Task_RecordSuspension");
        assertThat(status(customer)).isEqualTo("suspended");

        as("ops").postForEntity("/api/collections/sweeps", null, JsonNode.class);
        assertThat(jobs.runDue(customer)).isEmpty();

        assertThat(status(customer)).isEqualTo("active");
    }

    @Test
    void badReasonsAndDatesAreNamed() {
        String customer = customers.create("BadReason", false, false, false);

        assertField(suspend("ops", customer, Map.of("reason", "vacation")), "reason");
        assertField(suspend("ops", customer, Map.of("note", "sans motif")), "reason");
        assertField(suspend("ops", customer, Map.of("reason", "customer-request", "effectiveDate",
                BusinessTime.today().minusDays(1).toString())), "effectiveDate");

        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(customer).count()).isZero();
    }

    private void assertNotLiftedByPaymentOrSweep(String customer) {
        as("ops").postForEntity("/api/payments", Map.of("customerId", customer, "amount", "10.00", "method", "cheque"), JsonNode.class);
        as("ops").postForEntity("/api/collections/sweeps", null, JsonNode.class);
        assertThat(jobs.runDue(customer)).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("reactivation").processInstanceBusinessKey(customer).count()).isZero();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("reactivation")
                .processInstanceBusinessKey(customer).count()).isZero();
        assertThat(status(customer)).isEqualTo("suspended");
        assertThat(jdbc.sql("""
                SELECT d.outcome FROM automation.decision_log d JOIN automation.customer c ON c.id = d.customer_id
                WHERE c.customer_no = :no AND d.area = 'reactivation' ORDER BY d.id DESC LIMIT 1
                """).param("no", customer).query(String.class).single()).isEqualTo("STAFF_ONLY");
    }

    private void lift(String customer, String why) {
        ResponseEntity<JsonNode> lifted = rest.withBasicAuth("ops", "demo").exchange("/api/customers/" + customer + "/suspension?reason=" + why,
                HttpMethod.DELETE, null, JsonNode.class);
        assertThat(lifted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(jobs.runDue(customer)).isEmpty();
        assertThat(status(customer)).isEqualTo("active");
    }

    /** The decisions people made about the account through the API (not in a Tasklist task), as the decisions endpoint shows them. */
    private List<String> staffDecisions(String customer) {
        List<String> made = new ArrayList<>();
        as("ops").getForObject("/api/customers/" + customer + "/decisions?limit=500", JsonNode.class).forEach(d -> {
            if (d.path("outcome").asText().endsWith("_BY_STAFF")) {
                made.add(d.path("area").asText() + " " + d.path("outcome").asText() + " " + d.path("decidedBy").asText() + ": "
                        + d.path("explanationEn").asText());
            }
        });
        return made;
    }

    private ResponseEntity<JsonNode> suspend(String user, String customer, Map<String, Object> body) {
        return as(user).postForEntity("/api/customers/" + customer + "/suspension", new HashMap<>(body), JsonNode.class);
    }

    private ProcessInstance instance(ResponseEntity<JsonNode> started) {
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String id = started.getBody().path("processInstanceId").asText();
        ProcessInstance running = runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
        assertThat(running).isNotNull();
        return running;
    }

    private static void assertField(ResponseEntity<JsonNode> answer, String field) {
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().path("errors").findValuesAsText("field")).contains(field);
    }

    private Map<String, Object> suspension(String customer) {
        return jdbc.sql("""
                SELECT s.reason, s.requested_by, s.note FROM automation.suspension s JOIN automation.customer c ON c.id = s.customer_id
                WHERE c.customer_no = :no AND s.started_at IS NOT NULL ORDER BY s.id DESC LIMIT 1
                """).param("no", customer).query().singleRow();
    }

    private String status(String customer) {
        return jdbc.sql("SELECT status FROM automation.customer WHERE customer_no = :no").param("no", customer).query(String.class).single();
    }
}
