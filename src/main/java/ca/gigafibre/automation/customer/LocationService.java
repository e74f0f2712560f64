package ca.gigafibre.automation.customer;

import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.error.NotFoundException;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class LocationService {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;

    public LocationService(JdbcClient jdbc, ApplicationEventPublisher events, AuditLog audit) {
        this.jdbc = jdbc;
        this.events = events;
        this.audit = audit;
    }

    @Transactional
    public LocationView changeAddress(String locationNo, NewLocation a) {
        long id = jdbc.sql("SELECT id FROM automation.service_location WHERE location_no = :no").param("no", locationNo)
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("Service location", locationNo, "id"));
        jdbc.sql("""
                INSERT INTO automation.location_address_history (location_id, street_number, apt, street_name, city, province, postal_code)
                SELECT id, street_number, apt, street_name, city, province, postal_code FROM automation.service_location WHERE id = :id
                """).param("id", id).update();
        jdbc.sql("""
                UPDATE automation.service_location SET street_number = :number, apt = :apt, street_name = :street, city = :city,
                    province = :province, postal_code = :postal, latitude = coalesce(:lat, latitude), longitude = coalesce(:lon, longitude)
                WHERE id = :id
                """)
                .param("number", a.streetNumber().strip()).param("apt", a.apt()).param("street", a.streetName().strip())
                .param("city", a.city().strip()).param("province", a.provinceOrDefault()).param("postal", a.normalisedPostalCode())
                .param("lat", a.latitude()).param("lon", a.longitude()).param("id", id)
                .update();
        audit.record("location.address-changed", "service-location", locationNo, null, Map.of("postalCode", a.normalisedPostalCode()));
        events.publishEvent(new LocationAddressChanged(id, locationNo, a.streetNumber().strip(), a.apt(), a.streetName().strip(),
                a.city().strip(), a.provinceOrDefault(), a.normalisedPostalCode()));
        return jdbc.sql("SELECT * FROM automation.service_location WHERE id = :id").param("id", id)
                .query(CustomerRepository::locationView)
                .single();
    }
}
