package ca.gigafibre.automation.collections.suspension;

import ca.gigafibre.automation.customer.CustomerRef;
import ca.gigafibre.automation.platform.error.ConflictException;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationEventPublisher;
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
    private final ApplicationEventPublisher events;

    public ServiceChanges(JdbcClient jdbc, RuntimeService runtime, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.events = events;
    }

    /** @return true when this process instance now holds the account */
    public boolean claim(long customerId, String kind, String processInstanceId) {
        return jdbc.sql("""
                INSERT INTO automation.service_change (customer_id, kind, process_instance_id) VALUES (:customer, :kind, :pid)
                ON CONFLICT DO NOTHING
                """).param("customer", customerId).param("kind", kind).param("pid", processInstanceId).update() == 1;
    }

    /**
     * Lets the account go. A suspension that held it while a payment came in, or that ended because service is to come
     * back ({@code serviceToGiveBack}), announces it ({@link SuspensionReleased}, heard once the release commits): that
     * payment could not start a reactivation then.
     */
    public void release(String processInstanceId, boolean serviceToGiveBack) {
        jdbc.sql("""
                UPDATE automation.service_change s SET finished_at = now() FROM automation.customer c
                WHERE s.process_instance_id = :pid AND s.finished_at IS NULL AND c.id = s.customer_id
                RETURNING s.customer_id, c.customer_no, s.kind,
                          EXISTS (SELECT 1 FROM automation.payment p WHERE p.customer_id = s.customer_id AND p.created_at >= s.started_at) AS paid
                """).param("pid", processInstanceId)
                .query((rs, n) -> new Released(new CustomerRef(rs.getLong("customer_id"), rs.getString("customer_no")), rs.getString("kind"), rs.getBoolean("paid")))
                .list().stream()
                .filter(released -> "suspension".equals(released.kind()) && (released.paidMeanwhile() || serviceToGiveBack))
                .forEach(released -> events.publishEvent(new SuspensionReleased(released.customer(), processInstanceId)));
    }

    private record Released(CustomerRef customer, String kind, boolean paidMeanwhile) {
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
