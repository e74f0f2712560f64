package ca.gigafibre.automation.support;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.error.InvalidRequestException;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a ticket and starts its {@code support-resolution} (business key = ticket id), whose first task triages it (DMN
 * {@code ticket-triage}), together or not at all.
 */
@Service
public class TicketService {

    public static final String PROCESS = "support-resolution";
    private static final Map<String, String> SUBJECTS = Map.of("no-internet", "Pas d'internet", "slow", "Internet lent", "wifi",
            "Wi-Fi instable", "phone", "Téléphone", "billing", "Question sur la facture", "move", "Déménagement", "other", "Autre demande");

    private final JdbcClient jdbc;
    private final CustomerRepository customers;
    private final Tickets tickets;
    private final RuntimeService runtime;
    private final AuditLog audit;
    private final TicketTriage triage;

    public TicketService(JdbcClient jdbc, CustomerRepository customers, Tickets tickets, RuntimeService runtime, AuditLog audit,
                         TicketTriage triage) {
        this.triage = triage;
        this.jdbc = jdbc;
        this.customers = customers;
        this.tickets = tickets;
        this.runtime = runtime;
        this.audit = audit;
    }

    @Transactional
    public TicketView open(NewTicket request) {
        Optional<Long> customerId = jdbc.sql("SELECT id FROM automation.customer WHERE customer_no = :no").param("no", request.customerId())
                .query(Long.class).optional();
        if (customerId.isEmpty()) {
            throw new InvalidRequestException("customerId", "no customer has id " + request.customerId());
        }
        Long locationId = request.locationId() == null
                ? jdbc.sql("SELECT id FROM automation.service_location WHERE customer_id = :c ORDER BY id LIMIT 1")
                        .param("c", customerId.get()).query(Long.class).optional().orElse(null)
                : jdbc.sql("SELECT id FROM automation.service_location WHERE location_no = :no AND customer_id = :c")
                        .param("no", request.locationId()).param("c", customerId.get()).query(Long.class).optional()
                        .orElseThrow(() -> new InvalidRequestException("locationId", "no service location " + request.locationId()
                                + " belongs to customer " + request.customerId()));
        String ticketNo = jdbc.sql("""
                INSERT INTO automation.ticket (customer_id, location_id, subject, description, issue_type, channel, status, opened_at,
                    assigned_staff)
                VALUES (:customer, :location, :subject, :description, :type, :channel, 'open', :now, :staff) RETURNING ticket_no
                """)
                .param("customer", customerId.get()).param("location", locationId).param("subject", SUBJECTS.get(request.type()))
                .param("description", request.description()).param("type", request.type())
                .param("channel", request.channel() == null ? "phone" : request.channel()).param("now", BusinessTime.now())
                .param("staff", AuditLog.currentActor())
                .query(String.class).single();
        Map<String, Object> variables = new java.util.HashMap<>(triage.facts(ticketNo));
        variables.put("ticketId", ticketNo);
        variables.put("customerId", request.customerId());
        // the SLA timer exists from the start, due far ahead; once the triage committed, MoveSlaTimer moves it to the deadline
        variables.put("slaDueAt", java.util.Date.from(BusinessTime.now().plusYears(1).toInstant()));
        runtime.startProcessInstanceByKey(PROCESS, ticketNo, variables);
        audit.record("ticket.opened", "ticket", ticketNo, request.type(), Map.of("customer", request.customerId()));
        return tickets.get(ticketNo);
    }

    public java.util.List<TicketView> ofCustomer(CustomerNo customerNo) {
        return tickets.ofCustomer(customers.idOf(customerNo, "id"));
    }
}
