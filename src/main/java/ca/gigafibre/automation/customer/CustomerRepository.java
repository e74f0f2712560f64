package ca.gigafibre.automation.customer;

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
    public long idOf(String customerNo, String field) {
        return jdbc.sql("SELECT id FROM automation.customer WHERE customer_no = :no")
                .param("no", customerNo)
                .query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("Customer", customerNo, field));
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

    /** Name, company, e-mail, phone digits, address or legacy id; best matches (exact ids, then names) first. */
    public List<CustomerSummary> search(String q, int limit) {
        String text = q.strip();
        String digits = text.replaceAll("\\D", "");
        return jdbc.sql("""
                SELECT c.customer_no, c.first_name, c.last_name, c.company_name, c.email, c.phone, c.status, c.legacy_account_id,
                       (SELECT l.street_number || ' ' || l.street_name || ', ' || l.city FROM automation.service_location l
                        WHERE l.customer_id = c.id ORDER BY l.id LIMIT 1) AS address
                FROM automation.customer c
                WHERE c.customer_no = upper(:text)
                   OR c.legacy_account_id::text = :text
                   OR (c.first_name || ' ' || c.last_name) ILIKE :like
                   OR (c.last_name || ' ' || c.first_name) ILIKE :like
                   OR c.company_name ILIKE :like
                   OR c.email ILIKE :like
                   OR (length(:digits) >= 4 AND (c.phone LIKE :digitsLike OR c.cell_phone LIKE :digitsLike))
                   OR EXISTS (SELECT 1 FROM automation.service_location l WHERE l.customer_id = c.id
                              AND (l.street_number || ' ' || l.street_name || ' ' || l.city || ' ' || l.postal_code) ILIKE :like)
                ORDER BY (c.customer_no = upper(:text)) DESC, c.last_name, c.first_name
                LIMIT :limit
                """)
                .param("text", text)
                .param("like", "%" + text.replace("%", "\\%").replace("_", "\\_") + "%")
                .param("digits", digits)
                .param("digitsLike", "%" + digits + "%")
                .param("limit", limit)
                .query((rs, n) -> new CustomerSummary(rs.getString("customer_no"),
                        rs.getString("first_name") + " " + rs.getString("last_name"), rs.getString("company_name"),
                        rs.getString("email"), rs.getString("phone"), rs.getString("status"), rs.getString("address"),
                        (Integer) rs.getObject("legacy_account_id")))
                .list();
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
