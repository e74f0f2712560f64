package ca.gigafibre.automation.provisioning;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.billing.SubscriptionChanged;
import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.error.InvalidRequestException;
import ca.gigafibre.automation.platform.error.NotFoundException;
import ca.gigafibre.automation.platform.secret.RowIds;
import ca.gigafibre.automation.platform.secret.SecretCipher;
import ca.gigafibre.automation.platform.secret.SecretColumn;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.voip.NewVoipLine;
import ca.gigafibre.automation.voip.VoipLineService;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Orders a service at a location and starts its {@code provisioning} (business key = subscription id). */
@Service
public class ServiceOrderService {

    public static final String PROVISIONING = "provisioning";

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final VoipLineService voipLines;
    private final RuntimeService runtime;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    public ServiceOrderService(JdbcClient jdbc, SecretCipher cipher, VoipLineService voipLines, RuntimeService runtime, AuditLog audit,
                               ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.voipLines = voipLines;
        this.runtime = runtime;
        this.audit = audit;
        this.events = events;
    }

    /** Orders the service and starts its provisioning. */
    @Transactional
    public ServiceOrderView order(String locationNo, NewServiceOrder order) {
        Placed placed = place(locationNo, order);
        ProcessInstance instance = runtime.startProcessInstanceByKey(PROVISIONING, placed.subscriptionNo(), placed.variables());
        return new ServiceOrderView(placed.subscriptionNo(), placed.customerNo(), locationNo, order.sku(), order.ontSerial(), placed.dids(),
                "ordered", instance.getId());
    }

    /** An order written (pending subscription, ONT, phone lines) and what its {@code provisioning} starts with. */
    public record Placed(String subscriptionNo, String customerNo, List<String> dids, Map<String, Object> variables) {
    }

    /**
     * Writes the order — pending subscription, ONT at the location, phone lines — without starting {@code provisioning}:
     * for a caller that runs it as its own step (a quote's activation calls it).
     */
    @Transactional
    public Placed place(String locationNo, NewServiceOrder order) {
        Location location = jdbc.sql("""
                SELECT l.id, l.customer_id, c.customer_no FROM automation.service_location l
                JOIN automation.customer c ON c.id = l.customer_id WHERE l.location_no = :no
                """).param("no", locationNo)
                .query((rs, n) -> new Location(rs.getLong(1), rs.getLong(2), rs.getString(3))).optional()
                .orElseThrow(() -> new NotFoundException("Service location", locationNo, "id"));
        Plan plan = jdbc.sql("SELECT id, price, billing_frequency FROM automation.plan WHERE sku = :sku AND active AND download_mbps IS NOT NULL")
                .param("sku", order.sku())
                .query((rs, n) -> new Plan(rs.getLong(1), rs.getBigDecimal(2), rs.getString(3))).optional()
                .orElseThrow(() -> new InvalidRequestException("sku", "no active internet plan has SKU " + order.sku()));
        if (jdbc.sql("SELECT exists(SELECT 1 FROM automation.equipment WHERE serial = :serial AND location_id IS DISTINCT FROM :location)")
                .param("serial", order.ontSerial()).param("location", location.id()).query(Boolean.class).single()) {
            throw new InvalidRequestException("ontSerial", "ONT " + order.ontSerial() + " is already installed elsewhere");
        }
        long subscriptionId = jdbc.sql("""
                INSERT INTO automation.subscription (customer_id, location_id, plan_id, unit_price, billing_frequency, status, start_date)
                VALUES (:customer, :location, :plan, :price, :frequency, 'pending', :start) RETURNING id
                """)
                .param("customer", location.customerId()).param("location", location.id()).param("plan", plan.id())
                .param("price", plan.price()).param("frequency", plan.frequency())
                .param("start", order.startDate() == null ? BusinessTime.today() : order.startDate())
                .query(Long.class).single();
        long ont = jdbc.sql("""
                INSERT INTO automation.equipment (customer_id, location_id, kind, serial, model, status)
                VALUES (:customer, :location, 'ont', :serial, 'ONT', 'assigned')
                ON CONFLICT (serial) DO UPDATE SET customer_id = EXCLUDED.customer_id, location_id = EXCLUDED.location_id, status = 'assigned'
                RETURNING id
                """)
                .param("customer", location.customerId()).param("location", location.id()).param("serial", order.ontSerial())
                .query(Long.class).single();
        events.publishEvent(new EquipmentChanged(List.of(ont)));
        List<NewVoipLine> lines = order.phoneLines() == null ? List.of() : order.phoneLines();
        List<String> dids = lines.stream().map(NewVoipLine::did).toList();
        if (dids.stream().distinct().count() != dids.size()) {
            throw new InvalidRequestException("phoneLines", "the same DID is ordered twice");
        }
        lines.forEach(line -> voipLines.register(CustomerNo.of(location.customerNo()), line.atLocation(locationNo)));
        long orderId = RowIds.next(jdbc, "service_order");   // the Wi-Fi key is bound to it
        jdbc.sql("""
                INSERT INTO automation.service_order (id, subscription_id, location_id, ont_serial, wifi_ssid, wifi_key_enc, dids)
                VALUES (:id, :subscription, :location, :serial, :ssid, :key, :dids)
                """)
                .param("id", orderId).param("subscription", subscriptionId).param("location", location.id()).param("serial", order.ontSerial())
                .param("ssid", order.wifiSsid())
                .param("key", cipher.encrypt(order.wifiKey(), SecretColumn.WIFI_KEY, orderId)).param("dids", dids.toArray(String[]::new))
                .update();
        String subscriptionNo = jdbc.sql("SELECT subscription_no FROM automation.subscription WHERE id = :id").param("id", subscriptionId)
                .query(String.class).single();
        events.publishEvent(SubscriptionChanged.created(subscriptionNo));
        audit.record("service.ordered", "subscription", subscriptionNo, null, Map.of("location", locationNo, "sku", order.sku(), "dids", dids));
        return new Placed(subscriptionNo, location.customerNo(), dids, Map.of("subscriptionId", subscriptionNo,
                "customerId", location.customerNo(), "ontSerial", order.ontSerial(), "dids", dids, "hasPhoneLines", !dids.isEmpty(),
                "cpeChecks", 0));
    }

    private record Location(long id, long customerId, String customerNo) {
    }

    private record Plan(long id, java.math.BigDecimal price, String frequency) {
    }
}
