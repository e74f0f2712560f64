package ca.gigafibre.automation.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Door 3 of issue 19, through the engine REST as {@code ops}: a money process is steered by the engine alone. Ops
 * start none, modify, suspend or message none, and complete its tasks with their form's fields only; other processes
 * stay theirs to steer.
 */
class MoneyProcessSteeringTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestCustomers customers;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Test
    void opsStartNoMoneyOrSuspensionProcessButStillStartOthers() {
        String customer = customers.create("Steer", false, false, false);

        ResponseEntity<String> ppa = post("/engine-rest/process-definition/key/ppa-charge/start",
                "{\"businessKey\":\"steer-%s\",\"variables\":{\"customerId\":{\"value\":\"%s\"}}}".formatted(customer, customer));
        ResponseEntity<String> suspension = post("/engine-rest/process-definition/key/suspension/start",
                "{\"businessKey\":\"%s\",\"variables\":{\"customerId\":{\"value\":\"%s\"},\"reason\":{\"value\":\"non-payment\"}}}"
                        .formatted(customer, customer));
        ResponseEntity<String> reactivation = post("/engine-rest/process-definition/key/reactivation/start",
                "{\"businessKey\":\"%s\",\"variables\":{\"customerId\":{\"value\":\"%s\"}}}".formatted(customer, customer));
        ResponseEntity<String> audit = post("/engine-rest/process-definition/key/e911-audit-review/start",
                "{\"businessKey\":\"steer-audit-%s\",\"variables\":{\"auditRunId\":{\"value\":0,\"type\":\"Long\"}}}".formatted(customer));

        assertThat(ppa.getStatusCode()).as(ppa.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(suspension.getStatusCode()).as(suspension.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(reactivation.getStatusCode()).as(reactivation.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(customer).count()).isZero();
        assertThat(audit.getStatusCode()).as(audit.getBody()).isEqualTo(HttpStatus.OK);
        runtime.deleteProcessInstance(runtime.createProcessInstanceQuery().processInstanceBusinessKey("steer-audit-" + customer).singleResult().getId(),
                "test over");
    }

    @Test
    void opsCannotForgeAChargeSettledNorModifyOrSuspendTheChargeButStillSuspendOtherProcesses() {
        String invoice = "steer-settled-" + customers.create("Steer", false, false, false);
        // a bank debit waiting for its settlement, as ppa-charge leaves it after the processor took it
        String charge = runtime.createProcessInstanceByKey("ppa-charge").businessKey(invoice).startBeforeActivity("Task_AwaitSettlement")
                .setVariable("chargeOutcome", "PENDING").execute().getId();
        String other = runtime.startProcessInstanceByKey("e911-audit-review", "steer-other-" + invoice, Map.of("auditRunId", 0L)).getId();

        ResponseEntity<String> forged = post("/engine-rest/message", """
                {"messageName":"ChargeSettled","businessKey":"%s","processVariables":{"settlement":{"value":"COMPLETED"},
                 "customerId":{"value":"C-10001"}}}""".formatted(invoice));
        ResponseEntity<String> modified = post("/engine-rest/process-instance/" + charge + "/modification",
                "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"Task_AwaitSettlement\"}]}");
        ResponseEntity<String> suspended = put("/engine-rest/process-instance/" + charge + "/suspended", "{\"suspended\":true}");
        ResponseEntity<String> otherSuspended = put("/engine-rest/process-instance/" + other + "/suspended", "{\"suspended\":true}");

        assertThat(forged.getStatusCode()).as(forged.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(modified.getStatusCode()).as(modified.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(suspended.getStatusCode()).as(suspended.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(charge).activityIdIn("Task_AwaitSettlement").active().count()).isEqualTo(1);
        assertThat(runtime.getVariable(charge, "settlement")).isNull();
        assertThat(otherSuspended.getStatusCode()).as(otherSuspended.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        runtime.deleteProcessInstance(charge, "test over");
        runtime.deleteProcessInstance(other, "test over");
    }

    @Test
    void aMoneyTaskTakesOnlyItsFormsEditableFields() throws Exception {
        String customer = customers.create("Steer", false, false, false);
        String invoice = "steer-task-" + customer;
        String charge = runtime.createProcessInstanceByKey("ppa-charge").businessKey(invoice).startBeforeActivity("UserTask_ReviewPpaAboveLimit")
                .setVariable("customerId", customer).setVariable("invoiceId", invoice).setVariable("chargeAmountText", "250,00 $").execute().getId();
        Task review = tasks.createTaskQuery().processInstanceId(charge).singleResult();

        ResponseEntity<String> extra = post("/engine-rest/task/" + review.getId() + "/complete",
                "{\"variables\":{\"chargeApproved\":{\"value\":true},\"chargeAmount\":{\"value\":1.0}}}");
        ResponseEntity<String> readOnlyChanged = post("/engine-rest/task/" + review.getId() + "/submit-form",
                "{\"variables\":{\"chargeApproved\":{\"value\":true},\"customerId\":{\"value\":\"" + customer + "-X\"}}}");

        assertThat(extra.getStatusCode()).as(extra.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(JSON.readTree(extra.getBody()).path("fields")).extracting(JsonNode::asText).containsExactly("chargeAmount");
        assertThat(readOnlyChanged.getStatusCode()).as(readOnlyChanged.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(JSON.readTree(readOnlyChanged.getBody()).path("fields")).extracting(JsonNode::asText).containsExactly("customerId");
        assertThat(readOnlyChanged.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
        assertThat(runtime.getVariable(charge, "customerId")).isEqualTo(customer);
        assertThat(runtime.getVariable(charge, "chargeAmount")).isNull();
        assertThat(runtime.getVariable(charge, "chargeApproved")).isNull();
        runtime.deleteProcessInstance(charge, "test over");
    }

    @Test
    void opsCannotRewriteASuspensionsCustomerNeitherBesideNorThroughItsApprovalTask() throws Exception {
        String customer = customers.create("Steer", false, false, false);
        String suspension = runtime.createProcessInstanceByKey("suspension").businessKey(customer).startBeforeActivity("UserTask_ApproveSuspension")
                .setVariable("customerId", customer).setVariable("reason", "non-payment").execute().getId();
        Task approval = tasks.createTaskQuery().processInstanceId(suspension).singleResult();

        ResponseEntity<String> beside = put("/engine-rest/process-instance/" + suspension + "/variables/customerId",
                "{\"value\":\"" + customer + "-X\",\"type\":\"String\"}");
        ResponseEntity<String> through = post("/engine-rest/task/" + approval.getId() + "/complete",
                "{\"variables\":{\"approved\":{\"value\":true},\"customerId\":{\"value\":\"" + customer + "-X\"}}}");

        assertThat(beside.getStatusCode()).as(beside.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(through.getStatusCode()).as(through.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(JSON.readTree(through.getBody()).path("fields")).extracting(JsonNode::asText).containsExactly("customerId");
        assertThat(tasks.createTaskQuery().taskId(approval.getId()).count()).isEqualTo(1);
        assertThat(runtime.getVariable(suspension, "customerId")).isEqualTo(customer);
        runtime.deleteProcessInstance(suspension, "test over");
    }

    private ResponseEntity<String> post(String path, String body) {
        return as("ops").postForEntity(path, new HttpEntity<>(body, json()), String.class);
    }

    private ResponseEntity<String> put(String path, String body) {
        return as("ops").exchange(path, HttpMethod.PUT, new HttpEntity<>(body, json()), String.class);
    }

    private static HttpHeaders json() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}
