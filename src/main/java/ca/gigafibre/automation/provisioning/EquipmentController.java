package ca.gigafibre.automation.provisioning;

import ca.gigafibre.automation.platform.error.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/equipment?status=in-stock&kind=ont}: devices by state, e.g. what is on the shelf for an installation. */
@RestController
public class EquipmentController {

    private static final List<String> STATUSES = List.of("in-stock", "assigned", "installed", "to-return", "returned", "kept", "defective");
    private static final List<String> KINDS = List.of("ont", "router", "tv-box", "ata", "other");

    private final JdbcClient jdbc;

    public EquipmentController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record EquipmentView(String id, String kind, String serial, String mac, String model, String status, String locationId) {
    }

    @GetMapping("/api/equipment")
    @Operation(summary = "Equipment by status and kind (default: in stock), newest first")
    public List<EquipmentView> list(@RequestParam(defaultValue = "in-stock") String status, @RequestParam(required = false) String kind,
                                    @RequestParam(defaultValue = "50") int limit) {
        if (!STATUSES.contains(status)) {
            throw new InvalidRequestException("status", "must be one of " + STATUSES);
        }
        if (kind != null && !KINDS.contains(kind)) {
            throw new InvalidRequestException("kind", "must be one of " + KINDS);
        }
        if (limit < 1 || limit > 500) {
            throw new InvalidRequestException("limit", "must be between 1 and 500");
        }
        return jdbc.sql("""
                SELECT e.equipment_no, e.kind, e.serial, e.mac, e.model, e.status, l.location_no FROM automation.equipment e
                LEFT JOIN automation.service_location l ON l.id = e.location_id
                WHERE e.status = :status AND (CAST(:kind AS text) IS NULL OR e.kind = :kind) ORDER BY e.id DESC LIMIT :limit
                """).param("status", status).param("kind", kind).param("limit", limit)
                .query((rs, n) -> new EquipmentView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7)))
                .list();
    }
}
