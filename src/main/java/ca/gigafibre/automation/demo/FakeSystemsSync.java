package ca.gigafibre.automation.demo;

import ca.gigafibre.automation.adapter.fake.FakeExternalSystems;
import ca.gigafibre.automation.voip.PbxLineSpecs;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The fakes start empty at every start; this gives the OLT, the PBX and the 911 provider what our data says they
 * hold, as the real systems would, so the audits and the network reconciliation compare against something.
 */
@Component
@ConditionalOnProperty(name = "automation.fakes.enabled", havingValue = "true")
public class FakeSystemsSync {

    private static final Logger log = LoggerFactory.getLogger(FakeSystemsSync.class);

    private final FakeExternalSystems fakes;
    private final JdbcClient jdbc;

    public FakeSystemsSync(FakeExternalSystems fakes, JdbcClient jdbc) {
        this.fakes = fakes;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    public void onStart() {
        syncAll();
    }

    /** A replace wiped our data: the fakes forget the old ONTs, lines and 911 registrations before taking the new ones. */
    @EventListener
    public void onLoad(DemoDataLoaded loaded) {
        if (loaded.report().replaced()) {
            fakes.forgetNetworkAndTelephony();
        }
        syncAll();
    }

    public void syncAll() {
        syncNetwork();
        syncAtas();
        syncE911();
    }

    /** The customers' ATAs are plugged in: each informs GenieACS with its MAC. */
    public void syncAtas() {
        jdbc.sql("SELECT did, mac FROM automation.ata_config").query(rs -> {
            int n = 0;
            for (; rs.next(); n++) {
                fakes.preloadCpe("ATA-" + rs.getString(1), rs.getString(2), 0);
            }
            return n;
        });
    }

    /** ONTs enabled unless the account has an open suspension; lines in the PBX state matching ours. */
    public void syncNetwork() {
        jdbc.sql("""
                SELECT e.serial, l.olt_id, l.olt_port, c.customer_no,
                       CASE WHEN exists(SELECT 1 FROM automation.open_suspension s WHERE s.customer_id = c.id) THEN 'disabled' ELSE 'enabled' END AS state
                FROM automation.equipment e JOIN automation.customer c ON c.id = e.customer_id
                JOIN automation.service_location l ON l.id = e.location_id
                WHERE e.kind = 'ont' AND e.status = 'installed'
                """).query(rs -> {
                    int n = 0;
                    for (; rs.next(); n++) {
                        fakes.preloadOnt(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
                    }
                    return n;
                });
        jdbc.sql("SELECT did, caller_id_name, state FROM automation.voip_line WHERE state <> 'cancelled'").query(rs -> {
            int n = 0;
            for (; rs.next(); n++) {
                fakes.preloadLine(rs.getString(1), rs.getString(2), PbxLineSpecs.pbxStateFor(rs.getString(3)));
            }
            return n;
        });
    }

    public void syncE911() {
        int count = jdbc.sql("""
                SELECT did, first_name, last_name, street_number, apt, street_name, city, province, postal_code, cauca_code,
                       service_class FROM automation.e911_address WHERE provider_status = 'provisioned'
                """).query(rs -> {
                    int n = 0;
                    while (rs.next()) {
                        Map<String, Object> subscriber = new HashMap<>();
                        subscriber.put("firstName", rs.getString("first_name"));
                        subscriber.put("lastName", rs.getString("last_name"));
                        subscriber.put("streetNumber", rs.getString("street_number"));
                        subscriber.put("apt", rs.getString("apt"));
                        subscriber.put("streetName", rs.getString("street_name"));
                        subscriber.put("city", rs.getString("city"));
                        subscriber.put("province", rs.getString("province"));
                        subscriber.put("postalCode", rs.getString("postal_code"));
                        subscriber.put("cityCode", rs.getString("cauca_code"));
                        subscriber.put("serviceClass", rs.getString("service_class"));
                        fakes.preloadE911(rs.getString("did"), subscriber);
                        n++;
                    }
                    return n;
                });
        log.info("Fake 911 provider holds the {} registrations of our data", count);
    }
}
