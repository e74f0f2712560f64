package ca.gigafibre.automation.customer;

import ca.gigafibre.automation.platform.time.BusinessTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The timeline's process milestones from Camunda history: processes about the customer started and ended, their user
 * tasks completed. A process is about the customer when its business key is the customer id or one of the customer's
 * tickets, quotes or latest invoices (as the decision records find their customer).
 */
@Component
class ProcessMilestones implements TimelineSource {

    /** Latest invoices whose billing processes count: older ones ended long ago and would not make the last 50 anyway. */
    private static final int INVOICES = 24;

    private final JdbcClient jdbc;
    private final HistoryService history;

    ProcessMilestones(JdbcClient jdbc, HistoryService history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    @Override
    public List<TimelineEntry> recent(CustomerRef customer, int limit) {
        List<String> keys = jdbc.sql("""
                SELECT CAST(:no AS text)
                UNION ALL SELECT ticket_no FROM automation.ticket WHERE customer_id = :id
                UNION ALL SELECT quote_no FROM automation.quote WHERE customer_id = :id
                UNION ALL (SELECT invoice_no FROM automation.invoice WHERE customer_id = :id ORDER BY issue_date DESC, id DESC LIMIT :invoices)
                """).param("no", customer.no().value()).param("id", customer.id()).param("invoices", INVOICES).query(String.class).list();
        List<HistoricProcessInstance> processes = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKeyIn(keys.toArray(String[]::new))
                .orderByProcessInstanceStartTime().desc().listPage(0, limit);
        if (processes.isEmpty()) {
            return List.of();
        }
        Map<String, HistoricProcessInstance> byId = processes.stream()
                .collect(Collectors.toMap(HistoricProcessInstance::getId, Function.identity()));
        List<TimelineEntry> entries = new ArrayList<>();
        for (HistoricProcessInstance p : processes) {
            String name = name(p);
            entries.add(new TimelineEntry(at(p.getStartTime()), "process", "process.started", "Démarré / Started : " + name,
                    p.getStartUserId() == null ? "engine" : p.getStartUserId(), p.getBusinessKey()));
            if (p.getEndTime() != null) {
                entries.add(new TimelineEntry(at(p.getEndTime()), "process", "process.ended", "Terminé / Ended : " + name,
                        "engine", p.getBusinessKey()));
            }
        }
        List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery()
                .processInstanceBusinessKeyIn(keys.toArray(String[]::new))
                .finished().orderByHistoricTaskInstanceEndTime().desc().listPage(0, limit);
        for (HistoricTaskInstance t : tasks) {
            HistoricProcessInstance p = byId.get(t.getProcessInstanceId());
            entries.add(new TimelineEntry(at(t.getEndTime()), "process", "task.completed", "Tâche terminée / Task completed : " + t.getName(),
                    t.getAssignee(), p == null ? null : p.getBusinessKey()));
        }
        return entries;
    }

    private static String name(HistoricProcessInstance p) {
        return p.getProcessDefinitionName() == null ? p.getProcessDefinitionKey() : p.getProcessDefinitionName();
    }

    private static OffsetDateTime at(Date date) {
        return date == null ? null : OffsetDateTime.ofInstant(date.toInstant(), BusinessTime.ZONE);
    }
}
