package ca.gigafibre.automation.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.testing.EngineClockTest;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A job postponed to its window is one INFO line, not an ERROR and a WARN from the engine (hundreds a night). */
class NotNowLoggingTest extends EngineClockTest {

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final List<Logger> watched = List.of((Logger) LoggerFactory.getLogger("org.camunda.bpm.engine"),
            (Logger) LoggerFactory.getLogger(NotNowJobPostponement.class));

    @BeforeEach
    void capture() {
        captured.start();
        watched.forEach(l -> l.addAppender(captured));
    }

    @AfterEach
    void release() {
        watched.forEach(l -> l.detachAppender(captured));
    }

    @Test
    void aTextForcedAtElevenPmIsLoggedAsPostponedNotAsAnError() {
        String customer = customers.create("NightLog", false, false, false);
        ClockUtil.setCurrentTime(Date.from(start.atTime(23, 0).atZone(BusinessTime.ZONE).toInstant()));
        String invoice = as("ops").postForObject("/api/invoices", Map.of("customerId", customer, "issueDate", start.toString(),
                "dueDate", start.plusDays(21).toString(), "lines", List.of(Map.of("description", "Fibre", "quantity", 1, "unitPrice", "20.00"))),
                JsonNode.class).path("id").asText();
        jobs.runDue(invoice);   // the invoice's text waits for the morning
        Job window = engine.getManagementService().createJobQuery().processInstanceId(jobs.jobs(invoice).get(0).getProcessInstanceId())
                .activityId("Timer_NotificationWindow").singleResult();
        captured.list.clear();

        try {
            jobs.force(window);
        } catch (RuntimeException notNow) {
            assertThat(notNow).hasStackTraceContaining("notification window");
        }

        assertThat(captured.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).isEmpty();
        assertThat(captured.list).filteredOn(e -> e.getLoggerName().equals(NotNowJobPostponement.class.getName()))
                .singleElement().satisfies(e -> {
                    assertThat(e.getLevel()).isEqualTo(Level.INFO);
                    assertThat(e.getFormattedMessage()).contains(window.getId()).contains("notification window");
                });
    }

    @Test
    void aRealFailureIsStillLogged() {
        Logger context = (Logger) LoggerFactory.getLogger("org.camunda.bpm.engine.context");
        captured.list.clear();

        context.error("Exception while closing command context: {}", "boom", new IllegalStateException("boom"));

        assertThat(captured.list).singleElement().satisfies(e -> assertThat(e.getLevel()).isEqualTo(Level.ERROR));
    }
}
