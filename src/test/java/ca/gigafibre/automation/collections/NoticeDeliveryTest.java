package ca.gigafibre.automation.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockserver.model.HttpRequest.request;

import ca.gigafibre.automation.notification.TwilioSignatures;
import ca.gigafibre.automation.testing.CalledStages;
import ca.gigafibre.automation.testing.EngineClockTest;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.mockserver.model.Parameter;
import org.mockserver.model.ParameterBody;
import org.mockserver.verify.VerificationTimes;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A cutoff notice counts only when delivered: a customer nobody can text or e-mail, or whose text Twilio reports
 * undelivered, gets a person's call instead of a cut; Twilio's signed status callbacks feed the notification ledger.
 */
class NoticeDeliveryTest extends EngineClockTest {

    private static final String DEMO_AUTH_TOKEN = "twilio_demo_auth_token";

    @Test
    void aLandlineOnlyCustomerWithoutEmailGetsACallTaskAndNoCut() {
        String customer = customers.create("Landline", false, false, false, null, "450-555-0177", null);
        String ont = customers.installOnt(customer, fakes);
        customers.overdueInvoice(customer, new BigDecimal("140.00"), 45);

        ProcessInstance instance = start(customer);
        assertThat(jobs.runDue(customer)).isEmpty();

        assertThat(instance).isWaitingAt("CallActivity_SuspensionNotice");
        assertThat(noticeStage(instance)).isWaitingAt("UserTask_CallCustomer").hasPassed("Task_SendSuspensionNotice");
        assertThat(task().getName()).startsWith("Appeler le client avant la coupure");
        assertThat(task()).hasCandidateGroup("ops");
        fakes.server().verify(request().withMethod("POST").withPath("/twilio/.*"), VerificationTimes.never());
        assertThat(ledger(customer, "cutoff-notice")).containsEntry("channel", "none").containsEntry("state", "skipped");
        clock.laterBusinessDay(6);
        assertThat(jobs.runDue(customer)).isEmpty();
        assertThat(noticeStage(instance)).isWaitingAt("UserTask_CallCustomer");
        fakes.server().verify(request().withMethod("PATCH").withPath("/olt/v1/onts/" + ont), VerificationTimes.never());

        complete(task(), withVariables("noticeGivenByPhone", true, "callNote", "Joint au 450-555-0177, avisé de la coupure"));
        assertThat(instance).isWaitingAt("Timer_NoticePeriod");
        clock.laterBusinessDay(5);
        assertThat(jobs.runDue(customer)).isEmpty();
        assertThat(instance).isEnded().hasPassed("Task_DisableOnts");
        assertThat(CalledStages.passed(engine, instance, "suspension-notice")).contains("Task_RecordCallNotice", "EndEvent_NoticeGiven");
    }

    @Test
    void aTextTwilioReportsUndeliveredIsNotANoticeThePersonCalls() {
        String customer = customers.create("Undelivered", false, false, false, null, null, "450-555-0178");
        String ont = customers.installOnt(customer, fakes);
        customers.overdueInvoice(customer, new BigDecimal("140.00"), 45);
        ProcessInstance instance = start(customer);
        assertThat(jobs.runDue(customer)).isEmpty();
        assertThat(instance).isWaitingAt("Timer_NoticePeriod");
        fakes.server().verify(request().withMethod("POST").withPath("/twilio/2010-04-01/Accounts/.*/Messages.json")
                .withBody(ParameterBody.params(Parameter.param("StatusCallback", "http.*/api/webhooks/twilio"))), VerificationTimes.once());
        String sid = (String) ledger(customer, "cutoff-notice").get("provider_message_id");
        assertThat(sid).startsWith("SM");

        assertThat(callback(sid, "sent", null, true).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(callback(sid, "undelivered", "30003", true).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(ledger(customer, "cutoff-notice")).containsEntry("delivery_status", "undelivered").containsEntry("delivery_error", "30003");
        clock.laterBusinessDay(5);
        assertThat(jobs.runDue(customer)).isEmpty();

        assertThat(noticeStage(instance)).isWaitingAt("UserTask_CallCustomer").variables().containsEntry("suspensionDecision", "CALL_REQUIRED");
        fakes.server().verify(request().withMethod("PATCH").withPath("/olt/v1/onts/" + ont), VerificationTimes.never());
    }

    @Test
    void aTextTwilioReportsUndeliveredSendsTheCaseToACallAtOnceNotAtTheEndOfTheNoticePeriod() {
        String customer = customers.create("UndeliveredNow", false, false, false, null, null, "450-555-0181");
        String ont = customers.installOnt(customer, fakes);
        customers.overdueInvoice(customer, new BigDecimal("140.00"), 45);
        ProcessInstance instance = start(customer);
        assertThat(jobs.runDue(customer)).isEmpty();
        assertThat(instance).isWaitingAt("Timer_NoticePeriod");
        String sid = (String) ledger(customer, "cutoff-notice").get("provider_message_id");

        assertThat(callback(sid, "failed", "30006", true).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(jobs.runDue(customer)).isEmpty();   // the same day: the notice period does not count from a notice nobody got

        assertThat(noticeStage(instance)).isWaitingAt("UserTask_CallCustomer").variables().containsEntry("suspensionDecision", "CALL_REQUIRED");
        assertThat(task().getName()).startsWith("Appeler le client avant la coupure");
        fakes.server().verify(request().withMethod("PATCH").withPath("/olt/v1/onts/" + ont), VerificationTimes.never());
        assertThat(callback(sid, "failed", "30006", true).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);   // Twilio retries its callback
        assertThat(jobs.runDue(customer)).isEmpty();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(customer).count()).isEqualTo(1);

        complete(task(), withVariables("noticeGivenByPhone", true, "callNote", "Joint au cellulaire, avisé de la coupure"));
        assertThat(instance).isWaitingAt("Timer_NoticePeriod");
        assertThat(jobs.runDue(customer)).isEmpty();
        assertThat(instance).isWaitingAt("Timer_NoticePeriod");   // the period now counts from the call
    }

    @Test
    void aDeliveredTextCountsAndTheCutFollowsTheNoticePeriod() {
        String customer = customers.create("Delivered", false, false, false, null, null, "450-555-0179");
        String ont = customers.installOnt(customer, fakes);
        customers.overdueInvoice(customer, new BigDecimal("140.00"), 45);
        ProcessInstance instance = start(customer);
        assertThat(jobs.runDue(customer)).isEmpty();
        String sid = (String) ledger(customer, "cutoff-notice").get("provider_message_id");

        assertThat(callback(sid, "delivered", null, true).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(callback(sid, "sent", null, true).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);   // late report: no step back
        assertThat(ledger(customer, "cutoff-notice")).containsEntry("delivery_status", "delivered");
        clock.laterBusinessDay(5);
        assertThat(jobs.runDue(customer)).isEmpty();

        assertThat(instance).isEnded().hasPassed("Task_DisableOnts");
        assertThat(CalledStages.passed(engine, instance, "suspension-notice")).contains("Task_SendSuspensionNotice")
                .doesNotContain("UserTask_CallCustomer");
        fakes.server().verify(request().withMethod("PATCH").withPath("/olt/v1/onts/" + ont), VerificationTimes.once());
    }

    @Test
    void aCallbackWithABadSignatureIsRejectedAndWritesNothing() {
        String customer = customers.create("Forged", false, false, false, null, null, "450-555-0180");
        customers.overdueInvoice(customer, new BigDecimal("140.00"), 45);
        start(customer);
        jobs.runDue(customer);
        String sid = (String) ledger(customer, "cutoff-notice").get("provider_message_id");

        ResponseEntity<String> forged = callback(sid, "delivered", null, false);
        ResponseEntity<String> unsigned = rest.postForEntity("/api/webhooks/twilio", new HttpEntity<>(form(sid, "delivered", null), formHeaders()),
                String.class);

        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(forged.getBody()).contains("X-Twilio-Signature");
        assertThat(unsigned.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(ledger(customer, "cutoff-notice")).containsEntry("delivery_status", "queued");
    }

    @Test
    void aCallbackForAnUnknownMessageIsAcknowledgedAndIgnored() {
        long before = jdbc.sql("SELECT count(*) FROM automation.notification WHERE delivery_status = 'delivered'").query(Long.class).single();

        ResponseEntity<String> answer = callback("SM00000000000000000000000000000000", "delivered", null, true);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(jdbc.sql("SELECT count(*) FROM automation.notification WHERE delivery_status = 'delivered'").query(Long.class).single())
                .isEqualTo(before);
    }

    private ProcessInstance start(String customer) {
        return runtime.startProcessInstanceByKey("suspension", customer,
                Map.of("customerId", customer, "reason", "non-payment", "requestedByStaff", false));
    }

    /** Twilio's status callback, signed as Twilio signs it (or with another token when {@code signed} is false). */
    private ResponseEntity<String> callback(String sid, String status, String errorCode, boolean signed) {
        String url = rest.getRootUri() + "/api/webhooks/twilio";
        MultiValueMap<String, String> form = form(sid, status, errorCode);
        Map<String, String> params = new LinkedHashMap<>();
        form.forEach((k, v) -> params.put(k, v.get(0)));
        HttpHeaders headers = formHeaders();
        headers.set(TwilioSignatures.HEADER, Base64.getEncoder().encodeToString(
                TwilioSignatures.sign(signed ? DEMO_AUTH_TOKEN : "not-the-token", url, params)));
        return rest.postForEntity("/api/webhooks/twilio", new HttpEntity<>(form, headers), String.class);
    }

    private static MultiValueMap<String, String> form(String sid, String status, String errorCode) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("MessageSid", sid);
        form.add("MessageStatus", status);
        form.add("AccountSid", "ACdemo");
        if (errorCode != null) {
            form.add("ErrorCode", errorCode);
        }
        return form;
    }

    private static HttpHeaders formHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return headers;
    }

    private Map<String, Object> ledger(String customer, String kind) {
        return jdbc.sql("""
                SELECT n.channel, n.state, n.provider_message_id, n.delivery_status, n.delivery_error FROM automation.notification n
                JOIN automation.customer c ON c.id = n.customer_id WHERE c.customer_no = :no AND n.kind = :kind ORDER BY n.id DESC LIMIT 1
                """).param("no", customer).param("kind", kind).query().singleRow();
    }

    /** The notice stage the suspension waits on: the cutoff notice and the call before the cut live there. */
    private ProcessInstance noticeStage(ProcessInstance suspension) {
        return CalledStages.running(engine, suspension, "suspension-notice");
    }
}
