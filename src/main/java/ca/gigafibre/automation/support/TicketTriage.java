package ca.gigafibre.automation.support;

import ca.gigafibre.automation.platform.time.BusinessHours;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Triage when a ticket opens: the DMN {@code ticket-triage} sets priority, required skill, SLA (business hours) and route
 * from the ticket type, the customer's class and VIP flag, and whether other tickets are open on the same OLT port (an
 * outage hint); the ticket records them and its SLA deadline, which the process's escalation timer needs from its start.
 */
@Service
public class TicketTriage {

    private final JdbcClient jdbc;
    private final DecisionService dmn;
    private final BusinessHours hours;

    public TicketTriage(JdbcClient jdbc, DecisionService dmn, BusinessHours hours) {
        this.jdbc = jdbc;
        this.dmn = dmn;
        this.hours = hours;
    }

    /** @return the process variables of the triage: priority, requiredSkill, route, slaDueAt, remoteActions */
    public Map<String, Object> triage(String ticketNo) {
        Map<String, Object> facts = jdbc.sql("""
                SELECT t.issue_type AS "ticketType", CASE WHEN c.is_commercial THEN 'commercial' ELSE 'residential' END AS "customerClass",
                       c.is_vip AS "vip",
                       exists(SELECT 1 FROM automation.ticket o JOIN automation.service_location ol ON ol.id = o.location_id
                              WHERE o.location_id <> t.location_id AND o.status IN ('open', 'in-progress', 'waiting') AND ol.olt_id = l.olt_id
                                AND ol.olt_port = l.olt_port AND o.opened_at > t.opened_at - interval '24 hours') AS "outageHint"
                FROM automation.ticket t JOIN automation.customer c ON c.id = t.customer_id
                LEFT JOIN automation.service_location l ON l.id = t.location_id WHERE t.ticket_no = :no
                """).param("no", ticketNo).query().singleRow();
        Map<String, Object> triage = dmn.evaluateDecisionTableByKey("ticket-triage", facts).getSingleResult().getEntryMap();
        OffsetDateTime due = hours.afterBusinessHours(BusinessTime.now(), ((Number) triage.get("slaHours")).intValue());
        jdbc.sql("UPDATE automation.ticket SET priority = :priority, required_skill = :skill, sla_due_at = :due, is_important = :outage WHERE ticket_no = :no")
                .param("priority", triage.get("priority")).param("skill", triage.get("requiredSkill")).param("due", due)
                .param("outage", facts.get("outageHint")).param("no", ticketNo).update();
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("priority", triage.get("priority"));
        variables.put("requiredSkill", triage.get("requiredSkill"));
        variables.put("route", triage.get("route"));
        variables.put("slaDueAt", Date.from(due.toInstant()));
        variables.put("remoteActions", 0);
        return variables;
    }
}
