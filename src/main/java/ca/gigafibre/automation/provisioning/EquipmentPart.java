package ca.gigafibre.automation.provisioning;

import ca.gigafibre.automation.customer.Customer360LocationPart;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Customer 360: the equipment at each of the customer's locations (ONT, router, ATA ...), installed first. */
@Component
class EquipmentPart implements Customer360LocationPart {

    private final JdbcClient jdbc;

    EquipmentPart(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Installed(String id, String kind, String serial, String mac, String model, String status) {
    }

    private record AtLocation(String locationId, Installed equipment) {
    }

    @Override
    public String key() {
        return "equipment";
    }

    @Override
    public Map<String, List<Installed>> byLocation(long customerId) {
        return jdbc.sql("""
                SELECT l.location_no, e.equipment_no, e.kind, e.serial, e.mac, e.model, e.status
                FROM automation.service_location l JOIN automation.equipment e ON e.location_id = l.id
                WHERE l.customer_id = :id ORDER BY l.id, e.status = 'installed' DESC, e.id
                """).param("id", customerId)
                .query((rs, n) -> new AtLocation(rs.getString(1), new Installed(rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7))))
                .list().stream()
                .collect(Collectors.groupingBy(AtLocation::locationId, LinkedHashMap::new,
                        Collectors.mapping(AtLocation::equipment, Collectors.toList())));
    }
}
