package ca.gigafibre.automation.voip;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every live line with its customer, service address and 911 address, in one query (the reports' input). */
@Repository
public class VoipLineAddresses {

    private final JdbcClient jdbc;

    public VoipLineAddresses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record LineAddresses(String did, String customerId, String customerName, String lineState, boolean e911Synced,
                                String locationId, CivicAddress service, CivicAddress e911, boolean e911Verified) {
    }

    public List<LineAddresses> all() {
        return linesWhere("", null);
    }

    /** The customer's live lines, as {@link #all()} reads them. */
    public List<LineAddresses> ofCustomer(long customerId) {
        return linesWhere("AND l.customer_id = :customer", customerId);
    }

    private List<LineAddresses> linesWhere(String condition, Long customerId) {
        var statement = jdbc.sql("""
                SELECT l.did, c.customer_no, c.first_name || ' ' || c.last_name AS name, l.state, l.e911_synced,
                       loc.location_no, loc.street_number, loc.apt, loc.street_name, loc.city, loc.province, loc.postal_code,
                       a.did AS a_did, a.street_number AS a_number, a.apt AS a_apt, a.street_name AS a_street, a.city AS a_city,
                       a.province AS a_province, a.postal_code AS a_postal, a.verified_at IS NOT NULL AS verified
                FROM automation.voip_line l
                JOIN automation.customer c ON c.id = l.customer_id
                LEFT JOIN automation.service_location loc ON loc.id = l.location_id
                LEFT JOIN automation.e911_address a ON a.did = l.did
                WHERE l.state <> 'cancelled' %s
                ORDER BY l.did
                """.formatted(condition));
        if (customerId != null) {
            statement = statement.param("customer", customerId);
        }
        return statement.query((rs, n) -> new LineAddresses(rs.getString("did"), rs.getString("customer_no"), rs.getString("name"),
                        rs.getString("state"), rs.getBoolean("e911_synced"), rs.getString("location_no"),
                        rs.getString("location_no") == null ? null : new CivicAddress(rs.getString("street_number"), rs.getString("apt"),
                                rs.getString("street_name"), rs.getString("city"), rs.getString("province"), rs.getString("postal_code")),
                        rs.getString("a_did") == null ? null : new CivicAddress(rs.getString("a_number"), rs.getString("a_apt"),
                                rs.getString("a_street"), rs.getString("a_city"), rs.getString("a_province"), rs.getString("a_postal")),
                        rs.getBoolean("verified")))
                .list();
    }

    /** 911 registrations of ours whose DID has no line still in service. */
    public List<E911OrphanRow> registrationsWithoutLine() {
        return jdbc.sql("""
                SELECT a.did, c.customer_no, a.street_number || ' ' || a.street_name || ', ' || a.city AS address
                FROM automation.e911_address a
                LEFT JOIN automation.customer c ON c.id = a.customer_id
                WHERE NOT EXISTS (SELECT 1 FROM automation.voip_line l WHERE l.did = a.did AND l.state <> 'cancelled')
                ORDER BY a.did
                """)
                .query((rs, n) -> new E911OrphanRow(rs.getString(1), rs.getString(2), rs.getString(3), "ours"))
                .list();
    }

    public java.util.Set<String> didsInService() {
        return new java.util.HashSet<>(jdbc.sql("SELECT did FROM automation.voip_line WHERE state <> 'cancelled'")
                .query(String.class).list());
    }

    static String oneLine(CivicAddress a) {
        if (a == null) {
            return null;
        }
        return (a.apt() == null || a.apt().isBlank() ? "" : a.apt() + "-") + a.streetNumber() + " " + a.streetName() + ", "
                + a.city() + " " + a.province() + " " + a.postalCode();
    }
}
