package ca.gigafibre.automation.support;

import ca.gigafibre.automation.platform.time.BusinessHours;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Triage when a ticket opens. The facts the DMN {@code ticket-triage} decides on (the ticket type, the customer's class
 * and VIP flag, and whether other tickets are open on the same OLT port — an outage hint) are read here and start the
 * ticket's process, whose business-rule task decides; what it decided is then recorded on the ticket with its SLA deadline.
 */
@Service
public class TicketTriage {

    private final JdbcClient jdbc;
    private final BusinessHours hours;

    public TicketTriage(JdbcClient jdbc, BusinessHours hours) {
        this.jdbc = jdbc;
        this.hours = hours;
    }

    /** @return the DMN's inputs as process variables: ticketType, customerClass, vip, outageHint */
    public Map<String, Object> facts(String ticketNo) {
        return jdbc.sql("""
                SELECT t.issue_type AS "ticketType", CASE WHEN c.is_commercial THEN 'commercial' ELSE 'residential' END AS "customerClass",
                       c.is_vip AS "vip",
                       exists(SELECT 1 FROM automation.ticket o JOIN automation.service_location ol ON ol.id = o.location_id
                              WHERE o.location_id <> t.location_id AND o.status IN ('open', 'in-progress', 'waiting') AND ol.olt_id = l.olt_id
                                AND ol.olt_port = l.olt_port AND o.opened_at > t.opened_at - interval '24 hours') AS "outageHint"
                FROM automation.ticket t JOIN automation.customer c ON c.id = t.customer_id
                LEFT JOIN automation.service_location l ON l.id = t.location_id WHERE t.ticket_no = :no
                """).param("no", ticketNo).query().singleRow();
    }

    /** Records the DMN's triage on the ticket. @return the SLA deadline, {@code slaHours} business hours from now */
    public OffsetDateTime record(String ticketNo, Object priority, Object requiredSkill, int slaHours, boolean outageHint) {
        OffsetDateTime due = hours.afterBusinessHours(BusinessTime.now(), slaHours);
        jdbc.sql("UPDATE automation.ticket SET priority = :priority, required_skill = :skill, sla_due_at = :due, is_important = :outage WHERE ticket_no = :no")
                .param("priority", priority).param("skill", requiredSkill).param("due", due)
                .param("outage", outageHint).param("no", ticketNo).update();
        return due;
    }
}
