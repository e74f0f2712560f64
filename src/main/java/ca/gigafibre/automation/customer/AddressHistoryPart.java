package ca.gigafibre.automation.customer;

import ca.gigafibre.automation.platform.time.BusinessTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Customer 360's "addressHistory": the addresses the customer's locations had before, newest replacement first. */
@Component
class AddressHistoryPart implements Customer360Part {

    private final JdbcClient jdbc;

    AddressHistoryPart(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record FormerAddress(String locationId, String address, OffsetDateTime replacedAt) {
    }

    @Override
    public String key() {
        return "addressHistory";
    }

    @Override
    public Object describe(long customerId) {
        return jdbc.sql("""
                SELECT l.location_no, concat_ws(' ', h.street_number, h.street_name) || coalesce(', app. ' || h.apt, '')
                       || ', ' || h.city || ' ' || coalesce(h.province, '') || ' ' || coalesce(h.postal_code, '') AS address, h.replaced_at
                FROM automation.service_location l JOIN automation.location_address_history h ON h.location_id = l.id
                WHERE l.customer_id = :id ORDER BY h.replaced_at DESC, h.id DESC LIMIT 50
                """).param("id", customerId)
                .query((rs, n) -> new FormerAddress(rs.getString(1), rs.getString(2), BusinessTime.read(rs, "replaced_at")))
                .list();
    }
}
