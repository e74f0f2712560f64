package ca.gigafibre.automation.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.JsonBody.json;

import ca.gigafibre.automation.testing.CalledStages;
import ca.gigafibre.automation.testing.EngineClockTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.mockserver.matchers.TimeToLive;
import org.mockserver.matchers.Times;
import org.mockserver.model.HttpResponse;
import org.mockserver.model.Parameter;
import org.mockserver.model.ParameterBody;
import org.mockserver.verify.VerificationTimes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** suspension and reactivation over the real BPMN, the real rules, the real database and the faked OLT and PBX. */
class SuspensionProcessTest extends EngineClockTest {

    @Autowired
    ManagementService management;

    @Test
    void overdueAccountGetsItsNoticeThenIsCutOnTheOltAndIsRecordedWithItsReason() {
        String customer = customers.create("Overdue", false, false, false);
        String ont = customers.installOnt(customer, fakes);
        customers.overdueInvoice(customer, new BigDecimal("187.40"), 45);

        ProcessInstance instance = start(customer, false);
        assertThat(instance).isWaitingAt("CallActivity_SuspensionNotice").variables().containsEntry("suspensionDecision", "NOTICE_REQUIRED");
        assertThat(CalledStages.running(engine, instance, "suspension-notice")).isWaitingAt("Timer_NoticeSendingHours");
        jobs.runDue(customer);
        assertThat(instance).isWaitingAt("Timer_NoticePeriod");
        fakes.server().verify(request().withMethod("POST").withPath("/twilio/2010-04-01/Accounts/.*/Messages.json")
                .withBody(ParameterBody.params(Parameter.param("Body", "TARGO : avis de coupure\\. Sans paiement du solde de .*"))),
                VerificationTimes.once());
        fakes.server().verify(request().withMethod("PATCH").withPath("/olt/v1/onts/" + ont), VerificationTimes.never());
        customers.textsDelivered(customer);   // Twilio's callback: only a delivered notice counts
        clock.laterBusinessDay(5);
        assertThat(jobs.runDue(customer)).isEmpty();

        assertThat(instance).variables().containsEntry("suspensionDecision", "SUSPEND");
        assertThat((String) engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("decisionExplanation").singleResult().getValue()).contains("187.40").contains("jours").contains("days");
        assertThat(CalledStages.passed(engine, instance, "suspension-notice")).contains("Task_SendSuspensionNotice");
        assertThat(instance).isEnded().hasPassed("Timer_NoticePeriod", "Task_DisableOnts", "Task_PhoneLinesEmergencyOnly",
                "Task_RecordSuspension", "Task_NotifySuspended");
        fakes.server().verify(request().withMethod("POST").withPath("/twilio/2010-04-01/Accounts/.*/Messages.json")
                .withBody(ParameterBody.params(Parameter.param("Body", "TARGO : votre service est suspendu.*9-1-1 reste accessible.*"))),
                VerificationTimes.once());
        fakes.server().verify(request().withMethod("PATCH").withPath("/olt/v1/onts/" + ont)
                .withBody(json("{\"state\":\"disabled\",\"reason\":\"non-payment\"}")), VerificationTimes.once());
        assertThat(openSuspensions(customer)).isEqualTo(1);
        assertThat(status(customer)).isEqualTo("suspended");
        assertThat(jdbc.sql("""
                SELECT rules_fired[1] FROM automation.decision_log d JOIN automation.customer c ON c.id = d.customer_id
                WHERE c.customer_no = :no AND d.process_instance_id = :pid AND d.outcome = 'SUSPEND' ORDER BY d.id
                """).param("no", customer).param("pid", instance.getId()).query(String.class).list())
                .containsExactly("Overdue balance past the grace period: suspend",    // the decision
                        "Overdue balance past the grace period: suspend",             // again right before the OLT cut
                        "Overdue balance past the grace period: suspend");            // and right before the lines' cut
    }

    @Test
    void noServiceIsCutOnAWeekendTheSuspensionWaitsForMonday() {
        clock.saturday();
        String customer = customers.create("Weekend", false, false, false);
        String ont = customers.installOnt(customer, fakes);

        ProcessInstance instance = start(customer, true);

        assertThat(instance).isWaitingAt("Timer_NextCutWindow").variables().containsEntry("suspensionDecision", "WAIT_CUT_WINDOW");
        java.util.Date resume = (java.util.Date) runtime.getVariable(instance.getId(), "nextCutTime");
        java.time.LocalDateTime local = java.time.LocalDateTime.ofInstant(resume.toInstant(), ca.gigafibre.automation.platform.time.BusinessTime.ZONE);
        assertThat(local.getDayOfWeek()).isNotIn(java.time.DayOfWeek.FRIDAY, java.time.DayOfWeek.SATURDAY, java.time.DayOfWeek.SUNDAY);
        assertThat(local.getHour()).isEqualTo(8);
        jobs.runDue(customer);
        fakes.server().verify(request().withMethod("PATCH").withPath("/olt/v1/onts/" + ont), VerificationTimes.never());

        clock.at(local.toLocalDate());
        assertThat(jobs.runDue(customer)).isEmpty();

        assertThat(instance).isEnded().hasPassed("Timer_NextCutWindow", "Task_DisableOnts", "Task_RecordSuspension");
        assertThat(openSuspensions(customer)).isEqualTo(1);
    }

    @Test
    void aSuspensionDueOnAFridayHappensMondayAtEight() {
        java.time.LocalDate friday = clock.friday();
        String customer = customers.create("Friday", false, false, false);
        customers.overdueInvoice(customer, new BigDecimal("75.00"), 40);
        customers.noticeSent(customer, 10);

        ProcessInstance instance = start(customer, false);

        assertThat(instance).isWaitingAt("Timer_NextCutWindow");
        java.time.LocalDateTime cut = java.time.LocalDateTime.ofInstant(((java.util.Date) runtime.getVariable(instance.getId(), "nextCutTime"))
                .toInstant(), ca.gigafibre.automation.platform.time.BusinessTime.ZONE);
        assertThat(cut).isEqualTo(clock.nextCutDay(friday.plusDays(1)).atTime(8, 0));
        assertThat(openSuspensions(customer)).isZero();
    }

    @Test
    void anApprovalGivenOnSaturdayCutsOnTheNextCutDay() {
        String customer = customers.create("SaturdayApproval", true, false, false);
        customers.overdueInvoice(customer, new BigDecimal("412.00"), 40);
        customers.noticeSent(customer, 10);
        ProcessInstance instance = start(customer, false);
        assertThat(instance).isWaitingAt("UserTask_ApproveSuspension");

        clock.saturday();
        complete(task(), withVariables("approved", true, "approvalNote", "Approuvé samedi"));

        assertThat(instance).isWaitingAt("Timer_NextCutWindow").variables().containsEntry("suspensionDecision", "WAIT_CUT_WINDOW");
        assertThat(openSuspensions(customer)).isZero();
        clock.at(clock.nextCutDay(ca.gigafibre.automation.platform.time.BusinessTime.today()));
        assertThat(jobs.runDue(customer)).isEmpty();
        assertThat(instance).isEnded().hasPassed("Task_RecordSuspension", "Task_DisableOnts");
        assertThat(openSuspensions(customer)).isEqualTo(1);
    }

    @Test
    void aPaymentAfterTheApprovalAndBeforeTheCutMeansNoCut() {
        String customer = customers.create("PaidAfterApproval", false, true, false);
        String ont = customers.installOnt(customer, fakes);
        customers.overdueInvoice(customer, new BigDecimal("99.00"), 50);
        customers.noticeSent(customer, 10);
        ProcessInstance instance = start(customer, false);
        assertThat(instance).isWaitingAt("UserTask_ApproveSuspension");
        clock.saturday();
        complete(task(), withVariables("approved", true, "approvalNote", "Approuvé"));
        assertThat(instance).isWaitingAt("Timer_NextCutWindow");

        as("ops").postForEntity("/api/payments", Map.of("customerId", customer, "amount", "99.00", "method", "cheque"), JsonNode.class);
        clock.at(clock.nextCutDay(ca.gigafibre.automation.platform.time.BusinessTime.today()));
        jobs.runDue(customer);

        assertThat(instance).isEnded().hasPassed("EndEvent_NotSuspended").hasNotPassed("Task_RecordSuspension");
        fakes.server().verify(request().withMethod("PATCH").withPath("/olt/v1/onts/" + ont), VerificationTimes.never());
        assertThat(openSuspensions(customer)).isZero();
    }

    @Test
    void aPaymentAfterTheOltCutKeepsThePhoneLinesAndGivesServiceBackAsSoonAsTheSuspensionEnds() {
        CutOnTheOlt cut = cutOnTheOlt("PaidDuringCut", "PAID DURING CUT");
        String customer = cut.customer();
        String did = cut.did();
        ProcessInstance suspension = cut.suspension();
        assertThat(suspension).isWaitingAt("Task_PhoneLinesEmergencyOnly");

        // paid between the OLT and the PBX calls: the suspension still holds the account, so no reactivation can start yet
        as("ops").postForEntity("/api/payments", Map.of("customerId", customer, "amount", "140.00", "method", "cheque"), JsonNode.class);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("reactivation").processInstanceBusinessKey(customer).count()).isZero();
        assertThat(status(customer)).isEqualTo("suspended");

        assertThat(jobs.runDue(customer)).isEmpty();

        assertThat(suspension).isEnded().hasPassed("EndEvent_ServiceGivenBack").hasNotPassed("Task_NotifySuspended", "EndEvent_Suspended");
        fakes.server().verify(request().withMethod("PATCH").withPath("/pbx/v1/lines/" + did).withBody(json("{\"state\":\"emergency-only\"}")),
                VerificationTimes.never());
        HistoricProcessInstance reactivation = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("reactivation")
                .processInstanceBusinessKey(customer).singleResult();
        assertThat(reactivation.getEndActivityId()).isEqualTo("EndEvent_Reactivated");
        fakes.server().verify(request().withMethod("PATCH").withPath("/olt/v1/onts/" + cut.ont()).withBody(json("{\"state\":\"enabled\"}")),
                VerificationTimes.once());
        assertThat(jdbc.sql("SELECT state FROM automation.voip_line WHERE did = :did").param("did", did).query(String.class).single())
                .isEqualTo("active");
        assertThat(openSuspensions(customer)).isZero();
        assertThat(status(customer)).isEqualTo("active");
        // the payment's decision, the one right before the lines' cut (logged against the suspension), then the end's
        assertThat(jdbc.sql("""
                SELECT coalesce(d.process_instance_id, '-') || ' ' || d.subject_ref FROM automation.decision_log d
                JOIN automation.customer c ON c.id = d.customer_id
                WHERE c.customer_no = :no AND d.area = 'reactivation' AND d.outcome = 'REACTIVATE' ORDER BY d.id
                """).param("no", customer).query(String.class).list()).hasSize(3)
                .element(1).isEqualTo(suspension.getId() + " " + customer);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM automation.audit_log WHERE action = 'customer.lines-not-cut' AND entity_ref = :no
                """).param("no", customer).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aPaymentThatLeavesAnOverdueBalanceStillCutsThePhoneLinesAfterTheOlt() {
        CutOnTheOlt cut = cutOnTheOlt("PartlyPaidDuringCut", "PARTLY PAID");
        String customer = cut.customer();
        String did = cut.did();
        ProcessInstance suspension = cut.suspension();

        as("ops").postForEntity("/api/payments", Map.of("customerId", customer, "amount", "40.00", "method", "cheque"), JsonNode.class);
        jobs.force(jobs.jobs(customer).get(0));   // the lines

        assertThat(suspension).hasPassed("Task_PhoneLinesEmergencyOnly").hasNotPassed("EndEvent_ServiceGivenBack");
        fakes.server().verify(request().withMethod("PATCH").withPath("/pbx/v1/lines/" + did).withBody(json("{\"state\":\"emergency-only\"}")),
                VerificationTimes.once());
        assertThat(status(customer)).isEqualTo("suspended");
    }

    @Test
    void anArrangementWithoutItsFirstPaymentAfterTheOltCutStillCutsThePhoneLines() {
        CutOnTheOlt cut = cutOnTheOlt("ArrangedDuringCut", "ARRANGED");
        String customer = cut.customer();
        String did = cut.did();
        ProcessInstance suspension = cut.suspension();
        // an arrangement made after the cut: before a cut it would hold it, but nothing is paid, so service does not come back
        jdbc.sql("""
                INSERT INTO automation.payment_arrangement (customer_id, amount, agreed_date, due_date, status)
                SELECT id, 140.00, :today, :due, 'open' FROM automation.customer WHERE customer_no = :no
                """).param("today", start).param("due", start.plusDays(14)).param("no", customer).update();

        jobs.force(jobs.jobs(customer).get(0));   // the lines

        assertThat(suspension).hasPassed("Task_PhoneLinesEmergencyOnly").hasNotPassed("EndEvent_ServiceGivenBack");
        fakes.server().verify(request().withMethod("PATCH").withPath("/pbx/v1/lines/" + did).withBody(json("{\"state\":\"emergency-only\"}")),
                VerificationTimes.once());
        assertThat(runtime.getVariable(suspension.getId(), "suspensionDecision")).isEqualTo("SUSPEND");   // the decision that cut
        assertThat(jdbc.sql("""
                SELECT d.area || ' ' || d.outcome FROM automation.decision_log d WHERE d.process_instance_id = :pid ORDER BY d.id
                """).param("pid", suspension.getId()).query(String.class).list())
                .containsExactly("suspension SUSPEND", "suspension SUSPEND", "suspension WAIT", "reactivation STAY_SUSPENDED");
    }

    @Test
    void aSecondSuspensionWhileOneIsInFlightIsRefused() {
        String customer = customers.create("InFlight", false, false, false);
        customers.overdueInvoice(customer, new BigDecimal("80.00"), 45);
        ProcessInstance first = start(customer, false);
        assertThat(CalledStages.running(engine, first, "suspension-notice")).isWaitingAt("Timer_NoticeSendingHours");

        ResponseEntity<JsonNode> second = as("ops").postForEntity("/api/customers/" + customer + "/suspension", Map.of("reason", "non-payment"),
                JsonNode.class);

        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getBody().path("detail").asText()).contains("already in progress");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("suspension").processInstanceBusinessKey(customer).count()).isEqualTo(1);
    }

    @Test
    void phoneLinesGoToEmergencyOnlyNotSuspended() {
        String customer = customers.create("Phone", false, false, false);
        String did = phoneLine(customer, "PHONE TEST");

        as("ops").postForEntity("/api/customers/" + customer + "/suspension", Map.of("reason", "non-payment"), JsonNode.class);
        jobs.runDue(customer);

        fakes.server().verify(request().withMethod("PATCH").withPath("/pbx/v1/lines/" + did).withBody(json("{\"state\":\"emergency-only\"}")),
                VerificationTimes.once());
        assertThat(jdbc.sql("SELECT state FROM automation.voip_line WHERE did = :did").param("did", did).query(String.class).single())
                .isEqualTo("emergency-only");

        ResponseEntity<JsonNode> reactivated = rest.withBasicAuth("ops", "demo").exchange("/api/customers/" + customer
                + "/suspension?reason=Paiement reçu", org.springframework.http.HttpMethod.DELETE, null, JsonNode.class);
        assertThat(reactivated.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(jobs.runDue(customer)).isEmpty();

        fakes.server().verify(request().withMethod("PATCH").withPath("/pbx/v1/lines/" + did).withBody(json("{\"state\":\"active\"}")),
                VerificationTimes.once());
        assertThat(openSuspensions(customer)).isZero();
        assertThat(status(customer)).isEqualTo("active");
    }

    @Test
    void oltDownBecomesAnIncidentAndTheSuspensionCompletesOnceItIsBack() {
        String customer = customers.create("OltDown", false, false, false);
        String ont = customers.installOnt(customer, fakes);
        fakes.server().when(request().withMethod("PATCH").withPath("/olt/v1/onts/" + ont), Times.unlimited(), TimeToLive.unlimited(), 10)
                .respond(HttpResponse.response().withStatusCode(502));
        as("ops").postForEntity("/api/customers/" + customer + "/suspension", Map.of("reason", "non-payment"), JsonNode.class);

        for (int attempt = 0; attempt < 10 && jobs.incidents(customer).isEmpty(); attempt++) {
            try {
                jobs.force(jobs.jobs(customer).get(0));
            } catch (Exception expected) {
                // the OLT answers 502: Camunda counts the retry down
            }
        }
        assertThat(jobs.incidents(customer)).singleElement().satisfies(incident -> {
            assertThat(incident.getActivityId()).isEqualTo("Task_DisableOnts");
            assertThat(incident.getIncidentMessage()).contains("olt").contains("502");
        });
        assertThat(openSuspensions(customer)).isEqualTo(1);   // recorded before the first network change: never cut yet looking active

        fakes.reset();
        fakes.preloadOnt(ont, "OLT-EAST", "1/2/3", customer, "enabled");
        Job failed = jobs.jobs(customer).get(0);
        management.setJobRetries(failed.getId(), 1);
        jobs.force(failed);
        assertThat(jobs.runDue(customer)).isEmpty();

        assertThat(jobs.incidents(customer)).isEmpty();
        assertThat(openSuspensions(customer)).isEqualTo(1);
    }

    @Test
    void recordingTwiceOpensOneSuspension() {
        String customer = customers.create("Twice", false, false, false);
        customers.overdueInvoice(customer, new BigDecimal("90.00"), 60);
        customers.noticeSent(customer, 10);
        ProcessInstance first = start(customer, false);
        jobs.runDue(customer);

        ProcessInstance second = start(customer, true);

        assertThat(second).isEnded().hasPassed("EndEvent_NotSuspended").variables()
                .containsEntry("suspensionDecision", "ALREADY_SUSPENDED");
        assertThat(first).isEnded();
        assertThat(openSuspensions(customer)).isEqualTo(1);
    }

    @Test
    void vipAccountWaitsForApprovalInTasklistWithItsForm() throws IOException {
        String customer = customers.create("Vip", true, false, false);
        customers.overdueInvoice(customer, new BigDecimal("412.00"), 40);
        customers.noticeSent(customer, 10);

        ProcessInstance instance = start(customer, false);

        assertThat(instance).isWaitingAt("UserTask_ApproveSuspension");
        assertThat(task()).hasCandidateGroup("ops");
        try (InputStream form = engine.getFormService().getDeployedTaskForm(task().getId())) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"suspension-approval\"");
        }
        complete(task(), withVariables("approved", true, "approvalNote", "Client avisé, approuvé par Gen"));
        jobs.runDue(customer);
        assertThat(instance).isEnded().hasPassed("Task_RecordSuspension");
        assertThat(openSuspensions(customer)).isEqualTo(1);
    }

    @Test
    void refusedApprovalLeavesServiceOn() {
        String customer = customers.create("Refused", false, true, false);
        customers.overdueInvoice(customer, new BigDecimal("99.00"), 50);
        customers.noticeSent(customer, 10);

        ProcessInstance instance = start(customer, false);
        assertThat(instance).isWaitingAt("UserTask_ApproveSuspension");
        complete(task(), withVariables("approved", false, "approvalNote", "Client commercial important"));

        assertThat(instance).isEnded().hasPassed("EndEvent_ApprovalRefused").hasNotPassed("Task_DisableOnts");
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

    @Test
    void badSuspensionRequestsAreNamed() {
        String customer = customers.create("BadRequest", false, false, false);
        ResponseEntity<JsonNode> noReason = as("ops").postForEntity("/api/customers/" + customer + "/suspension", Map.of("reason", " "), JsonNode.class);
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody().path("errors").get(0).path("field").asText()).isEqualTo("reason");
        ResponseEntity<JsonNode> notSuspended = rest.withBasicAuth("ops", "demo").exchange("/api/customers/" + customer
                + "/suspension?reason=x", org.springframework.http.HttpMethod.DELETE, null, JsonNode.class);
        assertThat(notSuspended.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        ResponseEntity<JsonNode> unknown = as("ops").postForEntity("/api/customers/C-99999999/suspension", Map.of("reason", "fraud"), JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(customer).count()).isZero();
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

    private record CutOnTheOlt(String customer, String ont, String did, ProcessInstance suspension) {
    }

    /** An account with a phone line, 140.00 $ overdue and noticed, whose suspension has cut it on the OLT and waits for the lines' job. */
    private CutOnTheOlt cutOnTheOlt(String lastName, String callerIdName) {
        String customer = customers.create(lastName, false, false, false);
        String ont = customers.installOnt(customer, fakes);
        String did = phoneLine(customer, callerIdName);
        customers.overdueInvoice(customer, new BigDecimal("140.00"), 45);
        customers.noticeSent(customer, 6);
        ProcessInstance suspension = start(customer, false);
        jobs.force(jobs.jobs(customer).get(0));   // recorded
        jobs.force(jobs.jobs(customer).get(0));   // cut on the OLT
        return new CutOnTheOlt(customer, ont, did, suspension);
    }

    /** An active phone line of the account, known to the fake PBX. */
    private String phoneLine(String customer, String callerIdName) {
        String did = String.format("4507%06d", Integer.parseInt(customer.replace("C-", "")));
        jdbc.sql("""
                INSERT INTO automation.voip_line (did, customer_id, caller_id_name, state, e911_synced)
                SELECT :did, id, :name, 'active', true FROM automation.customer WHERE customer_no = :no
                """).param("did", did).param("name", callerIdName).param("no", customer).update();
        fakes.preloadLine(did, callerIdName, "active");
        return did;
    }
}
