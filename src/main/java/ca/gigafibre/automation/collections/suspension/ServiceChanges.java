package ca.gigafibre.automation.collections.suspension;

import ca.gigafibre.automation.platform.error.ConflictException;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * At most one suspension or reactivation in flight per account, guaranteed by a unique index on the open
 * {@code service_change} row: each {@code suspension} / {@code reactivation} instance claims the account as its first
 * step and releases it when it ends (completed or cancelled). A second one started meanwhile ends at once.
 */
@Service
public class ServiceChanges {

    private final JdbcClient jdbc;
    private final RuntimeService runtime;

    public ServiceChanges(JdbcClient jdbc, RuntimeService runtime) {
        this.jdbc = jdbc;
        this.runtime = runtime;
    }

    /** @return true when this process instance now holds the account */
    public boolean claim(long customerId, String kind, String processInstanceId) {
        return jdbc.sql("""
                INSERT INTO automation.service_change (customer_id, kind, process_instance_id) VALUES (:customer, :kind, :pid)
                ON CONFLICT DO NOTHING
                """).param("customer", customerId).param("kind", kind).param("pid", processInstanceId).update() == 1;
    }

    public void release(String processInstanceId) {
        jdbc.sql("UPDATE automation.service_change SET finished_at = now() WHERE process_instance_id = :pid AND finished_at IS NULL")
                .param("pid", processInstanceId).update();
    }

    public boolean inFlight(long customerId) {
        return jdbc.sql("SELECT exists(SELECT 1 FROM automation.service_change WHERE customer_id = :id AND finished_at IS NULL)")
                .param("id", customerId).query(Boolean.class).single();
    }

    /** Starts {@code processKey} for the account; 409 when another suspension or reactivation holds it. */
    public String start(String processKey, String customerNo, Map<String, Object> variables) {
        ProcessInstance started = runtime.startProcessInstanceByKey(processKey, customerNo, variables);
        if (started.isEnded()) {
            throw new ConflictException("A suspension or reactivation of " + customerNo + " is already in progress.");
        }
        return started.getId();
    }
}
