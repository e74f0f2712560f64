package ca.gigafibre.automation.provisioning;

import ca.gigafibre.automation.platform.time.BusinessTime;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code Task_AssignIp}: the first free address of the pool, recorded in the IP history. Idempotent: a service that
 * already holds an IP keeps it; two services racing for one address collide on a unique index and the job retries. A new
 * address changes the location's ONT as ERPNext holds it ({@code ip_address}). Assigned at the engine's time, as its release
 * is, so the IP history reads the same in a process test that moves the clock as in production.
 */
@Component("assignIp")
public class AssignIpDelegate implements JavaDelegate {

    private final ServiceOrders orders;
    private final ProvisioningSettings settings;
    private final JdbcClient jdbc;
    private final LocationOnts onts;
    private final ApplicationEventPublisher events;

    public AssignIpDelegate(ServiceOrders orders, ProvisioningSettings settings, JdbcClient jdbc, LocationOnts onts,
                            ApplicationEventPublisher events) {
        this.orders = orders;
        this.settings = settings;
        this.jdbc = jdbc;
        this.onts = onts;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ServiceOrders.Order order = orders.get(execution.getProcessBusinessKey());
        Optional<String> held = jdbc.sql("SELECT host(ip) FROM automation.ip_assignment WHERE subscription_id = :s AND released_at IS NULL")
                .param("s", order.subscriptionId()).query(String.class).optional();
        String ip = held.orElseGet(() -> jdbc.sql("""
                        INSERT INTO automation.ip_assignment (customer_id, location_id, subscription_id, ip, assigned_at)
                        SELECT :customer, :location, :subscription, candidate, :now
                        FROM (SELECT network(CAST(:pool AS cidr)) + g AS candidate
                              FROM generate_series(2, CAST(2 ^ (32 - masklen(CAST(:pool AS cidr))) AS int) - 2) g) pool
                        WHERE NOT EXISTS (SELECT 1 FROM automation.ip_assignment a WHERE a.ip = pool.candidate AND a.released_at IS NULL)
                        ORDER BY candidate LIMIT 1
                        RETURNING host(ip)
                        """)
                        .param("customer", order.customerId()).param("location", order.locationId())
                        .param("subscription", order.subscriptionId()).param("pool", settings.ipPool()).param("now", BusinessTime.now())
                        .query(String.class).optional()
                        .orElseThrow(() -> new IllegalStateException("IP pool " + settings.ipPool() + " is exhausted")));
        if (held.isEmpty()) {
            events.publishEvent(onts.ipChanged(order.locationId()));
        }
        execution.setVariable("ipAddress", ip);
    }
}
