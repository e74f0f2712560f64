package ca.gigafibre.automation.collections.suspension;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.error.InvalidRequestException;
import ca.gigafibre.automation.rules.DecisionLog;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff suspend or reactivate an account through the same processes the rules use; 409 while another one is in flight.
 * Each request is a person's decision: in the decision log ({@code GET /api/customers/{id}/decisions}) with who, when and
 * why, beside the rules' decisions that follow it.
 */
@Service
public class SuspensionService {

    private final CustomerRepository customers;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ServiceChanges changes;
    private final DecisionLog decisions;

    public SuspensionService(CustomerRepository customers, ServiceChanges changes, JdbcClient jdbc, AuditLog audit, DecisionLog decisions) {
        this.customers = customers;
        this.decisions = decisions;
        this.changes = changes;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record Started(String customerId, String processKey, String processInstanceId) {
    }

    /**
     * @param requestedBy the staff member asking (kept with the suspension)
     * @param byAdmin     an administrator asked: abuse and fraud then need no other approval
     */
    @Transactional
    public Started suspend(CustomerNo customerNo, SuspensionRequest request, String requestedBy, boolean byAdmin) {
        long customerId = customers.idOf(customerNo, "id");
        Map<String, Object> variables = new HashMap<>();
        variables.put("customerId", customerNo.value());
        variables.put("reason", request.reason());
        variables.put("requestedByStaff", true);
        variables.put("requestedBy", requestedBy);
        variables.put("requestedByAdmin", byAdmin);
        variables.put("suspensionNote", request.note());
        variables.put("effectiveDate", request.effectiveDate() == null ? null : request.effectiveDate().toString());
        String id = changes.start("suspension", customerNo.value(), variables);
        audit.record("suspension.requested", "customer", customerNo.value(), request.reason(),
                Map.of("processInstanceId", id, "requestedBy", requestedBy));
        decided(customerId, "suspension", "ASKED_BY_STAFF", id, requestedBy, Map.of("reason", request.reason(),
                        "note", String.valueOf(request.note()), "effectiveDate", String.valueOf(request.effectiveDate())),
                "Suspension demandée par " + requestedBy + " (" + request.reason() + ")" + note(request.note()),
                "Suspension asked by " + requestedBy + " (" + request.reason() + ")" + note(request.note()));
        return new Started(customerNo.value(), "suspension", id);
    }

    @Transactional
    public Started reactivate(CustomerNo customerNo, String reason) {
        long customerId = customers.idOf(customerNo, "id");
        boolean suspended = jdbc.sql("SELECT exists(SELECT 1 FROM automation.open_suspension WHERE customer_id = :id)")
                .param("id", customerId).query(Boolean.class).single();
        if (!suspended) {
            throw new InvalidRequestException("id", "customer " + customerNo.value() + " is not suspended");
        }
        String id = changes.start("reactivation", customerNo.value(), Map.of("customerId", customerNo.value(), "reason", reason));
        audit.record("reactivation.requested", "customer", customerNo.value(), reason, Map.of("processInstanceId", id));
        String who = AuditLog.currentActor();
        decided(customerId, "reactivation", "LIFTED_BY_STAFF", id, who, Map.of("reason", reason),
                "Suspension levée par " + who + " : " + reason, "Suspension lifted by " + who + ": " + reason);
        return new Started(customerNo.value(), "reactivation", id);
    }

    private void decided(long customerId, String area, String outcome, String processInstanceId, String who, Map<String, String> facts,
                         String fr, String en) {
        decisions.record(new DecisionLog.Entry(area, customerId, processInstanceId, outcome, new LinkedHashMap<>(facts), List.of(), "staff",
                fr, en, processInstanceId, who));
    }

    private static String note(String note) {
        return note == null || note.isBlank() ? "" : " — « " + note + " »";
    }
}
