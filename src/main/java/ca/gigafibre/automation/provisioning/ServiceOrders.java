package ca.gigafibre.automation.provisioning;

import ca.gigafibre.automation.platform.error.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the provisioning tasks read about one ordered service. */
@Repository
public class ServiceOrders {

    private final JdbcClient jdbc;

    public ServiceOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Order(long orderId, long subscriptionId, String subscriptionNo, long customerId, String customerNo, long locationId,
                        String locationNo, String oltId, String oltPort, String ontSerial, Integer downloadMbps, Integer uploadMbps,
                        String wifiSsid, byte[] wifiKeyEncrypted) {
    }

    public Order get(String subscriptionNo) {
        return jdbc.sql("""
                SELECT o.id AS order_id, s.id, s.subscription_no, c.id AS customer_id, c.customer_no, l.id AS location_id, l.location_no, l.olt_id,
                       l.olt_port, o.ont_serial, p.download_mbps, p.upload_mbps, o.wifi_ssid, o.wifi_key_enc
                FROM automation.service_order o
                JOIN automation.subscription s ON s.id = o.subscription_id
                JOIN automation.plan p ON p.id = s.plan_id
                JOIN automation.customer c ON c.id = s.customer_id
                JOIN automation.service_location l ON l.id = o.location_id
                WHERE s.subscription_no = :no
                """)
                .param("no", subscriptionNo)
                .query((rs, n) -> new Order(rs.getLong("order_id"), rs.getLong("id"), rs.getString("subscription_no"), rs.getLong("customer_id"),
                        rs.getString("customer_no"), rs.getLong("location_id"), rs.getString("location_no"), rs.getString("olt_id"),
                        rs.getString("olt_port"), rs.getString("ont_serial"), (Integer) rs.getObject("download_mbps"),
                        (Integer) rs.getObject("upload_mbps"), rs.getString("wifi_ssid"), rs.getBytes("wifi_key_enc")))
                .optional().orElseThrow(() -> new NotFoundException("Service order", subscriptionNo, "subscriptionId"));
    }
}
