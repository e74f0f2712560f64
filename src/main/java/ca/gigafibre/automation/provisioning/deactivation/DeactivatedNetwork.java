package ca.gigafibre.automation.provisioning.deactivation;

import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.provisioning.EquipmentChanged;
import ca.gigafibre.automation.provisioning.LocationOnts;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Our side of what a deactivation takes down: the ONTs and phone lines of a location, its IPs and equipment. Each change
 * is idempotent, so a retried job changes nothing twice.
 */
@Repository
public class DeactivatedNetwork {

    private final JdbcClient jdbc;
    private final LocationOnts onts;
    private final ApplicationEventPublisher events;

    public DeactivatedNetwork(JdbcClient jdbc, LocationOnts onts, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.onts = onts;
        this.events = events;
    }

    public List<String> ontSerials(long locationId) {
        return jdbc.sql("""
                SELECT serial FROM automation.equipment WHERE location_id = :loc AND kind = 'ont' AND status = 'installed' ORDER BY serial
                """).param("loc", locationId).query(String.class).list();
    }

    public List<String> phoneLines(long locationId) {
        return jdbc.sql("SELECT did FROM automation.voip_line WHERE location_id = :loc AND state <> 'cancelled' ORDER BY did")
                .param("loc", locationId).query(String.class).list();
    }

    /** True while the account has an open suspension: its ONTs are disabled already. */
    public boolean accountSuspended(long customerId) {
        return jdbc.sql("SELECT exists(SELECT 1 FROM automation.open_suspension WHERE customer_id = :c)")
                .param("c", customerId).query(Boolean.class).single();
    }

    /** The line is gone at the PBX: out of every report of lines in service. */
    public void lineCancelled(String did) {
        jdbc.sql("UPDATE automation.voip_line SET state = 'cancelled', e911_synced = false WHERE did = :did").param("did", did).update();
    }

    /** The provider holds no address for the DID any more: ours goes too, or it would be an orphan of our own. */
    public void forget911Address(String did) {
        jdbc.sql("DELETE FROM automation.e911_address WHERE did = :did").param("did", did).update();
    }

    /**
     * Ends the location's IP assignments now (engine clock): the addresses go back to the pool, the IP history keeps them,
     * and the location's ONT as ERPNext holds it loses its {@code ip_address}.
     */
    public int releaseIps(long locationId) {
        int released = jdbc.sql("UPDATE automation.ip_assignment SET released_at = :now WHERE location_id = :loc AND released_at IS NULL")
                .param("loc", locationId).param("now", BusinessTime.now()).update();
        if (released > 0) {
            events.publishEvent(onts.ipChanged(locationId));
        }
        return released;
    }

    /** The location's equipment in service is to come back; @return how many pieces wait to come back. */
    public int markEquipmentToReturn(long locationId) {
        events.publishEvent(new EquipmentChanged(jdbc.sql("""
                UPDATE automation.equipment SET status = 'to-return' WHERE location_id = :loc AND status IN ('installed', 'assigned') RETURNING id
                """).param("loc", locationId).query(Long.class).list()));
        return jdbc.sql("SELECT count(*) FROM automation.equipment WHERE location_id = :loc AND status = 'to-return'")
                .param("loc", locationId).query(Integer.class).single();
    }

    /** The equipment waiting to come back, for the return task: "EQP-00012 ont TPLG…". */
    public List<String> equipmentToReturn(long locationId) {
        return jdbc.sql("""
                SELECT equipment_no || ' ' || kind || ' ' || serial FROM automation.equipment
                WHERE location_id = :loc AND status = 'to-return' ORDER BY id
                """).param("loc", locationId).query(String.class).list();
    }

    /** {@code returned} or kept by the customer ({@code kept}). */
    public void equipmentCameBack(long locationId, boolean returned) {
        events.publishEvent(new EquipmentChanged(jdbc.sql(
                        "UPDATE automation.equipment SET status = :status WHERE location_id = :loc AND status = 'to-return' RETURNING id")
                .param("status", returned ? "returned" : "kept").param("loc", locationId).query(Long.class).list()));
    }
}
