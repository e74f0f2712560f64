package ca.gigafibre.automation.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import ca.gigafibre.automation.support.IntegrationTest;
import ca.gigafibre.automation.support.TestCustomers;
import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo process over the real BPMN, the real rules and the real database. */
class SuspensionProcessTest extends IntegrationTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TestCustomers customers;

    @BeforeEach
    void bindAssertions() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void overdueAccountIsSuspendedAndTheDecisionExplained() {
        String customer = customers.create("Overdue", false, false, false);
        customers.overdueInvoice(customer, new BigDecimal("187.40"), 45);

        ProcessInstance instance = start(customer, false);

        assertThat(instance).isWaitingAt("Task_RecordSuspension").variables()
                .containsEntry("suspensionDecision", "SUSPEND");
        assertThat((String) runtime.getVariable(instance.getId(), "decisionExplanation"))
                .contains("187.40").contains("45 jours").contains("45 days");
        execute(job());
        assertThat(instance).hasPassed("Task_RecordSuspension").isEnded().hasPassed("EndEvent_Suspended");
        assertThat(openSuspensions(customer)).isEqualTo(1);
        assertThat(status(customer)).isEqualTo("suspended");
        assertThat(jdbc.sql("""
                SELECT rules_fired[1] FROM automation.decision_log d JOIN automation.customer c ON c.id = d.customer_id
                WHERE c.customer_no = :no AND d.process_instance_id = :pid
                """).param("no", customer).param("pid", instance.getId()).query(String.class).single())
                .isEqualTo("Overdue balance past the grace period: suspend");
    }

    @Test
    void recordingTwiceOpensOneSuspension() {
        String customer = customers.create("Twice", false, false, false);
        customers.overdueInvoice(customer, new BigDecimal("90.00"), 60);
        ProcessInstance first = start(customer, false);
        assertThat(first).isWaitingAt("Task_RecordSuspension");
        execute(job());

        ProcessInstance second = start(customer, true);

        assertThat(second).isEnded().hasPassed("EndEvent_NotSuspended").variables()
                .containsEntry("suspensionDecision", "ALREADY_SUSPENDED");
        assertThat(first).isEnded();
        assertThat(openSuspensions(customer)).isEqualTo(1);
    }

    @Test
    void vipAccountWaitsForApprovalInTasklistWithItsForm() {
        String customer = customers.create("Vip", true, false, false);
        customers.overdueInvoice(customer, new BigDecimal("412.00"), 40);

        ProcessInstance instance = start(customer, false);

        assertThat(instance).isWaitingAt("UserTask_ApproveSuspension");
        assertThat(task()).hasCandidateGroup("ops");
        try (java.io.InputStream form = engine.getFormService().getDeployedTaskForm(task().getId())) {
            assertThat(new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"id\": \"suspension-approval\"");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        complete(task(), withVariables("approved", true, "approvalNote", "Client avisé, approuvé par Gen"));
        execute(job());
        assertThat(instance).isEnded().hasPassed("Task_RecordSuspension");
        assertThat(openSuspensions(customer)).isEqualTo(1);
    }

    @Test
    void refusedApprovalLeavesServiceOn() {
        String customer = customers.create("Refused", false, true, false);
        customers.overdueInvoice(customer, new BigDecimal("99.00"), 50);

        ProcessInstance instance = start(customer, false);
        assertThat(instance).isWaitingAt("UserTask_ApproveSuspension");
        complete(task(), withVariables("approved", false, "approvalNote", "Client commercial important"));

        assertThat(instance).isEnded().hasPassed("EndEvent_ApprovalRefused").hasNotPassed("Task_RecordSuspension");
        assertThat(openSuspensions(customer)).isZero();
        assertThat(status(customer)).isEqualTo("active");
    }

    @Test
    void neverSuspendAccountIsExempt() {
        String customer = customers.create("Exempt", false, false, true);
        customers.overdueInvoice(customer, new BigDecimal("500.00"), 120);

        ProcessInstance instance = start(customer, true);

        assertThat(instance).isEnded().hasPassed("EndEvent_NotSuspended").variables().containsEntry("suspensionDecision", "EXEMPT");
        assertThat(openSuspensions(customer)).isZero();
    }

    private ProcessInstance start(String customer, boolean requestedByStaff) {
        return runtime.startProcessInstanceByKey("suspension", customer,
                Map.of("customerId", customer, "reason", "non-payment", "requestedByStaff", requestedByStaff));
    }

    private long openSuspensions(String customer) {
        return jdbc.sql("""
                SELECT count(*) FROM automation.suspension s JOIN automation.customer c ON c.id = s.customer_id
                WHERE c.customer_no = :no AND s.ended_at IS NULL AND s.started_at IS NOT NULL
                """).param("no", customer).query(Long.class).single();
    }

    private String status(String customer) {
        return jdbc.sql("SELECT status FROM automation.customer WHERE customer_no = :no").param("no", customer).query(String.class).single();
    }
}
