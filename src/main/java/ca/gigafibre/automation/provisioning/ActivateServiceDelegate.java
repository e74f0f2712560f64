package ca.gigafibre.automation.provisioning;

import ca.gigafibre.automation.billing.SubscriptionChanged;
import ca.gigafibre.automation.platform.audit.AuditLog;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@code Task_ActivateService}: subscription active (billing starts), ONT installed, order done. */
@Component("activateService")
public class ActivateServiceDelegate implements JavaDelegate {

    private final ServiceOrders orders;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    public ActivateServiceDelegate(ServiceOrders orders, JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events) {
        this.orders = orders;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ServiceOrders.Order order = orders.get(execution.getProcessBusinessKey());
        if (jdbc.sql("UPDATE automation.subscription SET status = 'active' WHERE id = :id AND status = 'pending'").param("id", order.subscriptionId())
                .update() == 1) {
            events.publishEvent(SubscriptionChanged.status(order.subscriptionNo()));
        }
        List<Long> installed = jdbc.sql("UPDATE automation.equipment SET status = 'installed' WHERE serial = :serial RETURNING id")
                .param("serial", order.ontSerial()).query(Long.class).list();
        events.publishEvent(new EquipmentChanged(installed));
        jdbc.sql("UPDATE automation.service_order SET status = 'active' WHERE subscription_id = :id").param("id", order.subscriptionId()).update();
        jdbc.sql("UPDATE automation.customer SET status = 'active' WHERE id = :id AND status = 'inactive'").param("id", order.customerId()).update();
        audit.record("service.activated", "subscription", order.subscriptionNo(), null,
                Map.of("ont", order.ontSerial(), "ip", String.valueOf(execution.getVariable("ipAddress"))));
    }
}
