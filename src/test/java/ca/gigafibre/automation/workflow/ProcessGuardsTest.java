package ca.gigafibre.automation.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** What a person or a deployed model may not touch: variables of the money processes, and beans other than delegates. */
class ProcessGuardsTest extends IntegrationTest {

    @Autowired
    TestCustomers customers;

    @Autowired
    RuntimeService runtime;

    @Autowired
    RepositoryService repository;

    @Test
    void opsCannotChangeTheVariablesOfABillingProcessButCanElsewhere() {
        String customer = customers.create("Guard", false, false, false);
        String invoice = as("ops").postForObject("/api/invoices", Map.of("customerId", customer, "issueDate", LocalDate.now().toString(),
                "dueDate", LocalDate.now().plusDays(21).toString(), "lines", List.of(Map.of("description", "Fibre", "quantity", 1, "unitPrice", "10.00"))),
                JsonNode.class).path("id").asText();
        String billing = runtime.createProcessInstanceQuery().processInstanceBusinessKey(invoice).singleResult().getId();
        String other = runtime.startProcessInstanceByKey("e911-audit-review", "guard-" + customer, Map.of("auditRunId", 0L)).getId();

        ResponseEntity<String> onBilling = setVariable("ops", billing, "chargeOutcome");
        ResponseEntity<String> asAnalyst = setVariable("analyst", billing, "chargeOutcome");
        ResponseEntity<String> onOther = setVariable("ops", other, "reviewNote");

        assertThat(onBilling.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(asAnalyst.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(runtime.getVariable(billing, "chargeOutcome")).isEqualTo("NOT_CHARGED");   // as the rules left it, not "CHARGED"
        assertThat(onOther.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void opsCannotChangeTheVariablesOfTheCalledPpaCharge() {
        // waits at its notification-window timer: nothing is charged or sent
        String charge = runtime.startProcessInstanceByKey("ppa-charge", "guard-ppa-" + customers.create("Guard", false, false, false),
                Map.of("ppaDecision", "CHARGE")).getId();

        ResponseEntity<String> asOps = setVariable("ops", charge, "chargeOutcome");
        ResponseEntity<String> asAnalyst = setVariable("analyst", charge, "chargeOutcome");

        assertThat(asOps.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(asAnalyst.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(runtime.getVariable(charge, "chargeOutcome")).isNull();
        runtime.deleteProcessInstance(charge, "test over");
    }

    @Test
    void aDeployedModelReachesDelegatesButNoOtherBean() {
        BpmnModelInstance sneaky = Bpmn.createExecutableProcess("guard-sneaky").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask("Task_Sneak").camundaExpression("${jdbcClient.sql('DELETE FROM automation.payment').update()}")
                .endEvent().done();
        BpmnModelInstance allowed = Bpmn.createExecutableProcess("guard-allowed").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask("Task_Read").camundaExpression("${execution.setVariable('cycle', retryPolicy.cycle)}")
                .endEvent().done();
        long payments = count("payment");

        // the deployment guard refuses it before it can run (the runtime bean allow-list stays as a second line)
        assertThatThrownBy(() -> repository.createDeployment().addModelInstance("guard-sneaky.bpmn", sneaky).deploy())
                .hasMessageContaining("Task_Sneak").hasMessageContaining("jdbcClient");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("guard-sneaky").count()).isZero();
        repository.createDeployment().addModelInstance("guard-allowed.bpmn", allowed).deploy();
        String id = runtime.startProcessInstanceByKey("guard-allowed").getId();

        assertThat(count("payment")).isEqualTo(payments);
        assertThat(engineVariable(id)).isNotNull();
    }

    @Autowired
    org.camunda.bpm.engine.HistoryService history;

    private Object engineVariable(String instanceId) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(instanceId).variableName("cycle").singleResult().getValue();
    }

    private ResponseEntity<String> setVariable(String user, String instanceId, String name) {
        return as(user).exchange("/engine-rest/process-instance/" + instanceId + "/variables/" + name, HttpMethod.PUT,
                new HttpEntity<>(Map.of("value", "CHARGED", "type", "String")), String.class);
    }
}
