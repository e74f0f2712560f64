package ca.gigafibre.automation.collections.suspension;

import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.provisioning.deactivation.AccountOutOfService;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An account with nothing left in service has nothing to suspend: its open suspension ends with the deactivation, reason
 * {@code deactivated}, in the deactivation's transaction. Not a reactivation: no OLT enable, no message, and the account
 * is {@code inactive}, not active. A later payment finds no open suspension, so the reactivation rules decide
 * NOT_SUSPENDED and nothing is switched back on. What is still owed stays owed and collected.
 */
@Component
public class SuspensionEndsWithService {

    public static final String DEACTIVATED = "deactivated";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    public SuspensionEndsWithService(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @EventListener
    public void onOutOfService(AccountOutOfService outOfService) {
        int ended = jdbc.sql("""
                UPDATE automation.suspension SET ended_at = :now, end_reason = :reason
                WHERE customer_id = :customer AND started_at IS NOT NULL AND ended_at IS NULL
                """).param("now", BusinessTime.now()).param("reason", DEACTIVATED).param("customer", outOfService.customer().id()).update();
        if (ended > 0) {
            jdbc.sql("UPDATE automation.customer SET status = 'inactive' WHERE id = :id AND status = 'suspended'")
                    .param("id", outOfService.customer().id()).update();
            audit.record("customer.suspension-ended", "customer", outOfService.customer().no().value(), DEACTIVATED,
                    Map.of("deactivation", outOfService.deactivationKey()));
        }
    }
}
