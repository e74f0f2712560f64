package ca.gigafibre.automation.provisioning;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The ONTs at a location (assigned, installed, or still there to come back): the device ERPNext shows the location's IP address on. */
@Component
public class LocationOnts {

    private final JdbcClient jdbc;

    public LocationOnts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The event that carries a location's new or released IP address to its ONTs as ERPNext holds them. */
    public EquipmentChanged ipChanged(long locationId) {
        return new EquipmentChanged(jdbc.sql("""
                SELECT id FROM automation.equipment WHERE location_id = :loc AND kind = 'ont' AND status IN ('assigned', 'installed', 'to-return')
                ORDER BY id
                """).param("loc", locationId).query(Long.class).list());
    }
}
