package ca.gigafibre.automation.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;

import ca.gigafibre.automation.platform.time.BusinessHours;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.testing.EngineClockTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.mockserver.matchers.TimeToLive;
import org.mockserver.matchers.Times;
import org.mockserver.model.HttpResponse;
import org.springframework.beans.factory.annotation.Autowired;

/** A text whose send became an incident and is retried at 23:00 is not sent then: it waits for the notification window. */
class NotificationWindowRetryTest extends EngineClockTest {

    private static final String TWILIO = "/twilio/2010-04-01/Accounts/.*/Messages.json";

    @Autowired
    BusinessHours hours;

    @Autowired
    ManagementService management;


    @Test
    void anInvoiceTextRetriedAtElevenPmIsNotSentThenButAtTheNextWindowStart() {
        String customer = customers.create("NightRetry", false, false, false);
        fakes.server().when(request().withMethod("POST").withPath(TWILIO), Times.unlimited(), TimeToLive.unlimited(), 10)
                .respond(HttpResponse.response().withStatusCode(500));
        String invoice = as("ops").postForObject("/api/invoices", Map.of("customerId", customer, "issueDate", start.toString(),
                "dueDate", start.plusDays(21).toString(), "lines", List.of(Map.of("description", "Fibre", "quantity", 1, "unitPrice", "20.00"))),
                JsonNode.class).path("id").asText();
        jobs.runDue(invoice);
        for (int attempt = 0; attempt < 10 && jobs.incidents(invoice).isEmpty(); attempt++) {
            try {
                jobs.force(jobs.jobs(invoice).get(0));
            } catch (Exception expected) {
                // Twilio answers 500: the retries count down to an incident
            }
        }
        assertThat(jobs.incidents(invoice)).singleElement().satisfies(i -> assertThat(i.getActivityId()).isEqualTo("Timer_NotificationWindow"));
        int failedTries = texts();

        fakes.reset();
        ClockUtil.setCurrentTime(Date.from(start.atTime(23, 0).atZone(BusinessTime.ZONE).toInstant()));
        Job failed = jobs.jobs(invoice).get(0);
        management.setJobRetries(failed.getId(), 1);
        try {
            jobs.force(failed);
        } catch (Exception notNow) {
            assertThat(notNow).hasStackTraceContaining("notification window");
        }

        assertThat(texts()).isZero();
        Job waiting = management.createJobQuery().jobId(failed.getId()).singleResult();
        Date nextWindow = Date.from(hours.nextNotificationTime(BusinessTime.now()).toInstant());
        assertThat(nextWindow).isAfter(ClockUtil.getCurrentTime());
        assertThat(waiting.getRetries()).isEqualTo(1);
        assertThat(waiting.getDuedate()).isEqualTo(nextWindow);
        assertThat(jobs.incidents(invoice)).isEmpty();
        assertThat(jdbc.sql("SELECT state FROM automation.notification WHERE natural_key = :k").param("k", "invoice-issued:" + invoice)
                .query(String.class).single()).isEqualTo("failed");   // nothing claimed at 23:00

        ClockUtil.setCurrentTime(nextWindow);
        assertThat(jobs.runDue(invoice)).isEmpty();
        assertThat(texts()).isEqualTo(1);
        assertThat(failedTries).isPositive();
    }

    private int texts() {
        return fakes.server().retrieveRecordedRequests(request().withMethod("POST").withPath(TWILIO)).length;
    }
}
