package ca.gigafibre.automation.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockserver.model.HttpRequest.request;

import ca.gigafibre.automation.platform.time.BusinessHours;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.testing.EngineClockTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.mockserver.matchers.TimeToLive;
import org.mockserver.matchers.Times;
import org.mockserver.model.HttpResponse;
import org.mockserver.verify.VerificationTimes;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An OLT or PBX cut that became an incident and is retried outside the cut window (Friday 17:00) does not cut: the job
 * waits, retries untouched, until the next cut window opens, and cuts then.
 */
class CutWindowRetryTest extends EngineClockTest {

    @Autowired
    BusinessHours hours;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Test
    void anOltIncidentRetriedOnFridayAtFivePmDoesNotCutAndWaitsForTheNextCutWindow() {
        String customer = customers.create("CutRetryOlt", false, false, false);
        String ont = customers.installOnt(customer, fakes);
        String path = "/olt/v1/onts/" + ont;
        Job failed = incidentAt("Task_DisableOnts", customer, path);

        fakes.reset();
        fakes.preloadOnt(ont, "OLT-EAST", "1/2/3", customer, "enabled");
        Date resume = retryOnFridayAtFivePm(failed, path);

        fakes.server().verify(request().withMethod("PATCH").withPath(path), VerificationTimes.never());
        ClockUtil.setCurrentTime(resume);
        assertThat(jobs.runDue(customer)).isEmpty();
        fakes.server().verify(request().withMethod("PATCH").withPath(path), VerificationTimes.once());
        assertThat(suspensionPassed(customer, "Task_PhoneLinesEmergencyOnly")).isTrue();
    }

    @Test
    void aPbxIncidentRetriedOnFridayAtFivePmDoesNotCutTheLinesAndWaitsForTheNextCutWindow() {
        String customer = customers.create("CutRetryPbx", false, false, false);
        String did = String.format("4508%06d", Integer.parseInt(customer.replace("C-", "")));
        jdbc.sql("""
                INSERT INTO automation.voip_line (did, customer_id, caller_id_name, state, e911_synced)
                SELECT :did, id, 'CUT RETRY', 'active', true FROM automation.customer WHERE customer_no = :no
                """).param("did", did).param("no", customer).update();
        fakes.preloadLine(did, "CUT RETRY", "active");
        String path = "/pbx/v1/lines/" + did;
        Job failed = incidentAt("Task_PhoneLinesEmergencyOnly", customer, path);

        fakes.reset();
        fakes.preloadLine(did, "CUT RETRY", "active");
        Date resume = retryOnFridayAtFivePm(failed, path);

        fakes.server().verify(request().withMethod("PATCH").withPath(path), VerificationTimes.never());
        assertThat(lineState(did)).isEqualTo("active");
        ClockUtil.setCurrentTime(resume);
        assertThat(jobs.runDue(customer)).isEmpty();
        fakes.server().verify(request().withMethod("PATCH").withPath(path), VerificationTimes.once());
        assertThat(lineState(did)).isEqualTo("emergency-only");
    }

    @Test
    void aCustomerWhoPaysWhileTheCutWaitsForTheNextWindowIsNotCutAndTheSuspensionEndsAsNotNeeded() {
        String customer = customers.create("PaidBeforeCut", false, false, false);
        String ont = customers.installOnt(customer, fakes);
        customers.overdueInvoice(customer, new BigDecimal("140.00"), 45);
        customers.noticeSent(customer, 6);
        ProcessInstance instance = runtime.startProcessInstanceByKey("suspension", customer,
                Map.of("customerId", customer, "reason", "non-payment", "requestedByStaff", false));
        jobs.force(jobs.jobs(customer).get(0));   // the rules said SUSPEND at 10:00: the suspension is recorded
        assertThat(instance).isWaitingAt("Task_DisableOnts");
        assertThat(customerStatus(customer)).isEqualTo("suspended");

        ClockUtil.setCurrentTime(Date.from(start.atTime(15, 30).atZone(BusinessTime.ZONE).toInstant()));   // the cut job runs late
        Job cut = jobs.jobs(customer).get(0);
        try {
            jobs.force(cut);
        } catch (Exception notNow) {
            assertThat(notNow).hasStackTraceContaining("cut window");
        }
        assertThat(as("ops").postForEntity("/api/payments", Map.of("customerId", customer, "amount", "140.00", "method", "cheque"),
                JsonNode.class).getStatusCode().is2xxSuccessful()).isTrue();

        clock.at(clock.nextCutDay(start.plusDays(1)));
        assertThat(jobs.runDue(customer)).isEmpty();

        fakes.server().verify(request().withMethod("PATCH").withPath("/olt/v1/onts/" + ont), VerificationTimes.never());
        assertThat(instance).isEnded().hasPassed("EndEvent_NotSuspended").hasNotPassed("Task_PhoneLinesEmergencyOnly", "Task_NotifySuspended")
                .variables().containsEntry("suspensionDecision", "NOT_DUE");
        assertThat(customerStatus(customer)).isEqualTo("active");
        assertThat(jdbc.sql("""
                SELECT s.end_reason FROM automation.suspension s JOIN automation.customer c ON c.id = s.customer_id
                WHERE c.customer_no = :no AND s.ended_at IS NOT NULL
                """).param("no", customer).query(String.class).single()).contains("No balance overdue beyond the grace period");
        assertThat(jdbc.sql("""
                SELECT d.outcome FROM automation.decision_log d JOIN automation.customer c ON c.id = d.customer_id
                WHERE c.customer_no = :no AND d.area = 'suspension' ORDER BY d.id
                """).param("no", customer).query(String.class).list()).containsExactly("SUSPEND", "NOT_DUE", "NOT_DUE");
    }

    private String customerStatus(String customer) {
        return jdbc.sql("SELECT status FROM automation.customer WHERE customer_no = :no").param("no", customer).query(String.class).single();
    }

    /** A suspension inside the cut window whose call at {@code path} answers 502 until its job is an incident. */
    private Job incidentAt(String activity, String customer, String path) {
        fakes.server().when(request().withMethod("PATCH").withPath(path), Times.unlimited(), TimeToLive.unlimited(), 10)
                .respond(HttpResponse.response().withStatusCode(502));
        as("ops").postForEntity("/api/customers/" + customer + "/suspension", Map.of("reason", "non-payment"), JsonNode.class);
        for (int attempt = 0; attempt < 10 && jobs.incidents(customer).isEmpty(); attempt++) {
            try {
                jobs.force(jobs.jobs(customer).get(0));
            } catch (Exception expected) {
                // 502: the retries count down to an incident
            }
        }
        assertThat(jobs.incidents(customer)).singleElement().satisfies(i -> assertThat(i.getActivityId()).isEqualTo(activity));
        return jobs.jobs(customer).get(0);
    }

    /** Ops retry the incident on a Friday at 17:00: the job is postponed to the next cut window with its retry intact. */
    private Date retryOnFridayAtFivePm(Job failed, String path) {
        LocalDate friday = clock.friday();
        ClockUtil.setCurrentTime(Date.from(friday.atTime(17, 0).atZone(BusinessTime.ZONE).toInstant()));
        management.setJobRetries(failed.getId(), 1);
        try {
            jobs.force(failed);
        } catch (Exception notNow) {
            assertThat(notNow).hasStackTraceContaining("cut window");
        }
        fakes.server().verify(request().withMethod("PATCH").withPath(path), VerificationTimes.never());
        Job waiting = management.createJobQuery().jobId(failed.getId()).singleResult();
        Date nextWindow = Date.from(hours.nextCutTime(BusinessTime.now()).toInstant());
        assertThat(waiting.getRetries()).isEqualTo(1);
        assertThat(waiting.getDuedate()).isEqualTo(nextWindow);
        assertThat(jobs.incidents(businessKeyOf(waiting))).isEmpty();
        assertThat(management.createJobQuery().jobId(failed.getId()).executable().count()).isZero();
        return nextWindow;
    }

    private String businessKeyOf(Job job) {
        return history.createHistoricProcessInstanceQuery().processInstanceId(job.getProcessInstanceId()).singleResult().getBusinessKey();
    }

    private boolean suspensionPassed(String customer, String activity) {
        return history.createHistoricActivityInstanceQuery().activityId(activity)
                .processInstanceId(history.createHistoricProcessInstanceQuery().processDefinitionKey("suspension")
                        .processInstanceBusinessKey(customer).singleResult().getId()).finished().count() == 1;
    }

    private String lineState(String did) {
        return jdbc.sql("SELECT state FROM automation.voip_line WHERE did = :did").param("did", did).query(String.class).single();
    }
}
