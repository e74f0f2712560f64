package ca.gigafibre.automation.support;

import ca.gigafibre.automation.platform.time.BusinessCalendar;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On "Répartir un technicien": the technicians ranked by {@code rules/technician-ranking.drl} for the ticket's required
 * skill and location, each with why, and the best one proposed in the form. Appointments are counted on the day of
 * the visit — the date already chosen (a return visit), else the next business day, proposed in the form — not today.
 * The ranking goes to the account's decision log.
 */
@Component("suggestTechnicians")
public class SuggestTechniciansListener implements TaskListener {

    private final JdbcClient jdbc;
    private final TechnicianRanking ranking;
    private final BusinessCalendar calendar;
    private final TechnicianRankingRecord record;

    public SuggestTechniciansListener(JdbcClient jdbc, TechnicianRanking ranking, BusinessCalendar calendar, TechnicianRankingRecord record) {
        this.jdbc = jdbc;
        this.ranking = ranking;
        this.calendar = calendar;
        this.record = record;
    }

    @Override
    public void notify(DelegateTask task) {
        long locationId = jdbc.sql("SELECT location_id FROM automation.ticket WHERE ticket_no = :no")
                .param("no", task.getExecution().getProcessBusinessKey()).query(Long.class).single();
        LocalDate visitDay = visitDay(task.getVariable("appointmentDate"));
        task.setVariable("appointmentDate", visitDay.toString());
        String skill = (String) task.getVariable("requiredSkill");
        List<TechnicianRanking.Suggestion> suggestions = ranking.rank(skill, locationId, visitDay);
        record.record(task.getExecution(), skill, visitDay, suggestions);
        task.setVariable("technicianSuggestions", IntStream.range(0, suggestions.size())
                .mapToObj(i -> (i + 1) + ". " + suggestions.get(i).technicianId() + " — " + suggestions.get(i).name() + " (" + suggestions.get(i).score()
                        + ") : " + suggestions.get(i).whyFr())
                .collect(Collectors.joining("\n")));
        suggestions.stream().filter(TechnicianRanking.Suggestion::suggested).findFirst()
                .ifPresent(best -> task.setVariable("technicianId", best.technicianId()));
    }

    private LocalDate visitDay(Object chosen) {
        LocalDate earliest = calendar.nextBusinessDay(BusinessTime.today().plusDays(1));
        if (chosen != null) {
            try {
                LocalDate day = LocalDate.parse(chosen.toString());
                return day.isBefore(earliest) ? earliest : day;
            } catch (java.time.format.DateTimeParseException unreadable) {
                return earliest;
            }
        }
        return earliest;
    }
}
