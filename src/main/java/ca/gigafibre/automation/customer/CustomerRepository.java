package ca.gigafibre.automation.customer;

import ca.gigafibre.automation.platform.error.MalformedRequestException;
import ca.gigafibre.automation.platform.error.NotFoundException;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CustomerRepository {

    private final JdbcClient jdbc;

    public CustomerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The row id of a business id ({@code C-10234}); {@code field} names the request field for the 404. */
    public long idOf(CustomerNo customerNo, String field) {
        return jdbc.sql("SELECT id FROM automation.customer WHERE customer_no = :no")
                .param("no", customerNo.value())
                .query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("Customer", customerNo.value(), field));
    }

    /** The customer of a row id, with its number, as it crosses packages. */
    public CustomerRef refOf(long id) {
        return new CustomerRef(id, customerNoOf(id));
    }

    public String customerNoOf(long id) {
        return jdbc.sql("SELECT customer_no FROM automation.customer WHERE id = :id").param("id", id).query(String.class).single();
    }

    public long insert(NewCustomer c) {
        return jdbc.sql("""
                INSERT INTO automation.customer (legacy_account_id, first_name, last_name, company_name, email, phone,
                    cell_phone, language, is_commercial, is_vip, never_suspend, preferred_channel)
                VALUES (:legacy, :first, :last, :company, :email, :phone, :cell, :language, :commercial, :vip, :never, :channel)
                RETURNING id
                """)
                .param("legacy", c.legacyAccountId())
                .param("first", c.firstName().strip())
                .param("last", c.lastName().strip())
                .param("company", c.companyName())
                .param("email", c.email() == null ? null : c.email().strip().toLowerCase())
                .param("phone", NewCustomer.digits(c.phone()))
                .param("cell", NewCustomer.digits(c.cellPhone()))
                .param("language", c.language() == null ? "fr" : c.language())
                .param("channel", c.preferredChannel() == null ? "sms" : c.preferredChannel())
                .param("commercial", Boolean.TRUE.equals(c.commercial()))
                .param("vip", Boolean.TRUE.equals(c.vip()))
                .param("never", Boolean.TRUE.equals(c.neverSuspend()))
                .query(Long.class).single();
    }

    public String insertLocation(long customerId, NewLocation l) {
        return jdbc.sql("""
                INSERT INTO automation.service_location (customer_id, street_number, apt, street_name, city, province,
                    postal_code, latitude, longitude, olt_id, olt_port)
                VALUES (:customer, :number, :apt, :street, :city, :province, :postal, :lat, :lon, :olt, :port)
                RETURNING location_no
                """)
                .param("customer", customerId)
                .param("number", l.streetNumber().strip())
                .param("apt", l.apt())
                .param("street", l.streetName().strip())
                .param("city", l.city().strip())
                .param("province", l.provinceOrDefault())
                .param("postal", l.normalisedPostalCode())
                .param("lat", l.latitude())
                .param("lon", l.longitude())
                .param("olt", l.oltId())
                .param("port", l.oltPort())
                .query(String.class).single();
    }

    public Optional<CustomerRow> find(long id) {
        return jdbc.sql("SELECT * FROM automation.customer WHERE id = :id").param("id", id)
                .query(CustomerRepository::customerRow).optional();
    }

    public List<LocationView> locations(long customerId) {
        return jdbc.sql("SELECT * FROM automation.service_location WHERE customer_id = :id ORDER BY id")
                .param("id", customerId)
                .query(CustomerRepository::locationView)
                .list();
    }

    /**
     * The location a request about one of the customer's lines means: {@code locationNo} when it is one of the customer's,
     * else (none given) the customer's only location. A location of someone else, or none given for a customer with several,
     * is a 400 naming {@code locationId}.
     */
    public long locationOf(CustomerNo customerNo, String locationNo) {
        long customerId = idOf(customerNo, "id");
        List<Long> ids = jdbc.sql("""
                SELECT id FROM automation.service_location
                WHERE customer_id = :customer AND (CAST(:location AS text) IS NULL OR location_no = :location)
                ORDER BY id LIMIT 2
                """).param("customer", customerId).param("location", locationNo).query(Long.class).list();
        if (locationNo != null && ids.isEmpty()) {
            throw new MalformedRequestException("locationId", locationNo + " n'est pas un lieu de / is not a location of " + customerNo.value());
        }
        if (ids.isEmpty()) {
            throw new NotFoundException("Service location of customer", customerNo.value(), "id");
        }
        if (ids.size() > 1) {
            throw new MalformedRequestException("locationId", customerNo.value() + " a plusieurs lieux : précisez lequel / has several locations: say which one");
        }
        return ids.get(0);
    }

    static LocationView locationView(ResultSet rs, int n) throws SQLException {
        return new LocationView(rs.getString("location_no"), rs.getString("street_number"), rs.getString("apt"),
                rs.getString("street_name"), rs.getString("city"), rs.getString("province"), rs.getString("postal_code"),
                rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"), rs.getString("connection_type"),
                rs.getString("olt_id"), rs.getString("olt_port"));
    }

    private static CustomerRow customerRow(ResultSet rs, int n) throws SQLException {
        return new CustomerRow(rs.getLong("id"), rs.getString("customer_no"), (Integer) rs.getObject("legacy_account_id"),
                rs.getString("first_name"), rs.getString("last_name"), rs.getString("company_name"), rs.getString("email"),
                rs.getString("phone"), rs.getString("cell_phone"), rs.getString("language"), rs.getBoolean("is_commercial"),
                rs.getBoolean("is_vip"), rs.getBoolean("never_suspend"), rs.getString("status"),
                BusinessTime.read(rs, "created_at"), rs.getString("preferred_channel"));
    }
}
