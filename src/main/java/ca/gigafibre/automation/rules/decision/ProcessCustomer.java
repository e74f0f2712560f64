package ca.gigafibre.automation.rules.decision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The account a process is about, so its decisions show in {@code GET /api/customers/{id}/decisions}: the process's
 * {@code customerId} variable, else its business key read as a customer, ticket, invoice or quote id.
 */
@Component
public class ProcessCustomer {

    private final JdbcClient jdbc;

    public ProcessCustomer(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the customer's row id, or null when the process names no known account */
    public Long of(DelegateExecution execution) {
        Object customerId = execution.getVariable("customerId");
        String key = customerId instanceof String no && !no.isBlank() ? no : execution.getProcessBusinessKey();
        if (key == null) {
            return null;
        }
        return jdbc.sql("""
                SELECT id FROM automation.customer WHERE customer_no = :key
                UNION ALL SELECT customer_id FROM automation.ticket WHERE ticket_no = :key
                UNION ALL SELECT customer_id FROM automation.invoice WHERE invoice_no = :key
                UNION ALL SELECT customer_id FROM automation.quote WHERE quote_no = :key
                LIMIT 1
                """).param("key", key).query(Long.class).optional().orElse(null);
    }
}
