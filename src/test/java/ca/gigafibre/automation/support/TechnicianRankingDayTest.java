package ca.gigafibre.automation.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.testing.BusinessDayClock;
import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The dispatch task ranks technicians by their appointments on the day of the visit, not on the day the task opens. */
class TechnicianRankingDayTest extends IntegrationTest {

    @Autowired
    SuggestTechniciansListener listener;

    @Autowired
    TestCustomers customers;

    @Autowired
    BusinessDayClock clock;

    private LocalDate today;
    private String ticket;
    private String busyToday;
    private String busyOnTheVisitDay;

    @BeforeEach
    void twoEqualTechniciansBusyOnDifferentDays() {
        today = clock.businessDay();
        String customer = customers.create("Rendez-vous", false, false, false);
        String location = as("ops").getForObject("/api/customers/" + customer, JsonNode.class).path("locations").get(0).path("id").asText();
        jdbc.sql("UPDATE automation.service_location SET latitude = 45.4000, longitude = -72.7300 WHERE location_no = :no").param("no", location).update();
        ticket = as("ops").postForObject("/api/tickets", Map.of("customerId", customer, "locationId", location, "type", "billing"), JsonNode.class)
                .path("id").asText();
        String suffix = ticket.substring(4);
        busyToday = technician("Occupé aujourd'hui " + suffix);
        busyOnTheVisitDay = technician("Occupé demain " + suffix);
        appointments(busyToday, today, 3);
        appointments(busyOnTheVisitDay, today.plusDays(1), 3);   // a cut day is never the eve of a day off: tomorrow is a business day
    }

    @AfterEach
    void realClock() {
        clock.reset();
    }

    @Test
    void theTechnicianFreeOnTheVisitDayIsProposedAndTheDayIsProposedWithIt() {
        Map<String, Object> set = new HashMap<>();
        DelegateTask task = dispatchTask(null, set);

        listener.notify(task);

        assertThat(set).containsEntry("appointmentDate", today.plusDays(1).toString());
        String suggestions = (String) set.get("technicianSuggestions");
        assertThat(suggestions.indexOf(busyToday)).isLessThan(suggestions.indexOf(busyOnTheVisitDay));
        assertThat(suggestions).contains(busyToday + " — Occupé aujourd'hui " + ticket.substring(4) + " (100) : niveau 5/5 en fibre, 0 rendez-vous ce jour-là");
        assertThat(suggestions).contains(busyOnTheVisitDay + " — Occupé demain " + ticket.substring(4)).contains("3 rendez-vous ce jour-là");
    }

    @Test
    void aVisitDayAlreadyChosenIsTheDayCounted() {
        Map<String, Object> set = new HashMap<>();
        DelegateTask task = dispatchTask(today.toString(), set);   // today is before the earliest visit: the next business day is counted
        listener.notify(task);
        assertThat(set).containsEntry("appointmentDate", today.plusDays(1).toString());

        set.clear();
        listener.notify(dispatchTask(today.plusDays(1).toString(), set));
        String suggestions = (String) set.get("technicianSuggestions");
        assertThat(suggestions.indexOf(busyToday)).isLessThan(suggestions.indexOf(busyOnTheVisitDay));
    }

    private DelegateTask dispatchTask(String chosenDay, Map<String, Object> set) {
        DelegateTask task = mock(DelegateTask.class);
        DelegateExecution execution = mock(DelegateExecution.class);
        when(task.getExecution()).thenReturn(execution);
        when(execution.getProcessBusinessKey()).thenReturn(ticket);
        when(task.getVariable("requiredSkill")).thenReturn("fibre");
        when(task.getVariable("appointmentDate")).thenReturn(chosenDay);
        org.mockito.Mockito.doAnswer(call -> set.put(call.getArgument(0), call.getArgument(1))).when(task)
                .setVariable(org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.any());
        return task;
    }

    private String technician(String name) {
        return as("ops").postForObject("/api/technicians", Map.of("name", name, "skills", Map.of("fibre", 5), "baseLatitude", "45.4000",
                "baseLongitude", "-72.7300"), JsonNode.class).path("id").asText();
    }

    private void appointments(String technicianNo, LocalDate day, int count) {
        for (int i = 0; i < count; i++) {
            OffsetDateTime start = day.atTime(8 + 2 * i, 0).atZone(BusinessTime.ZONE).toOffsetDateTime();
            jdbc.sql("""
                    INSERT INTO automation.dispatch_job (kind, skill, technician_id, scheduled_start, scheduled_end, status)
                    SELECT 'repair', 'fibre', t.id, :start, :end, 'scheduled' FROM automation.technician t WHERE t.technician_no = :no
                    """).param("start", start).param("end", start.plusHours(2)).param("no", technicianNo).update();
        }
    }
}
