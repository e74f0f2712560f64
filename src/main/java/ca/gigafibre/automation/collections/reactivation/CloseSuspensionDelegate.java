package ca.gigafibre.automation.collections.reactivation;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.platform.audit.AuditLog;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@code Task_CloseSuspension}: ends the open suspension and makes the account active again (idempotent). */
@Component("closeSuspension")
public class CloseSuspensionDelegate implements JavaDelegate {

    private final JdbcClient jdbc;
    private final CustomerRepository customers;
    private final AuditLog audit;

    public CloseSuspensionDelegate(JdbcClient jdbc, CustomerRepository customers, AuditLog audit) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String customerNo = (String) execution.getVariable("customerId");
        long customerId = customers.idOf(CustomerNo.of(customerNo), "customerId");
        int closed = jdbc.sql("UPDATE automation.suspension SET ended_at = now() WHERE customer_id = :id AND started_at IS NOT NULL AND ended_at IS NULL")
                .param("id", customerId).update();
        jdbc.sql("UPDATE automation.customer SET status = 'active' WHERE id = :id AND status = 'suspended'").param("id", customerId).update();
        if (closed > 0) {
            audit.record("customer.reactivated", "customer", customerNo, (String) execution.getVariable("reason"),
                    Map.of("processInstanceId", execution.getProcessInstanceId()));
        }
    }
}
