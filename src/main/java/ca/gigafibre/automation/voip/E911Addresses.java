package ca.gigafibre.automation.voip;

import ca.gigafibre.automation.platform.error.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class E911Addresses {

    private final JdbcClient jdbc;

    public E911Addresses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public E911AddressRow get(String did) {
        return jdbc.sql("SELECT * FROM automation.e911_address WHERE did = :did").param("did", did)
                .query((rs, n) -> new E911AddressRow(rs.getString("did"), rs.getLong("customer_id"), rs.getString("first_name"),
                        rs.getString("last_name"), rs.getString("street_number"), rs.getString("apt"), rs.getString("street_name"),
                        rs.getString("city"), rs.getString("province"), rs.getString("postal_code"), rs.getString("cauca_code"),
                        rs.getString("service_class")))
                .optional().orElseThrow(() -> new NotFoundException("911 address of DID", did, "did"));
    }

    /** Writes a new address, not yet confirmed by the provider; the line is flagged unsynced until it is. */
    public void replaceAddress(String did, String firstName, String lastName, CivicAddress a) {
        jdbc.sql("""
                UPDATE automation.e911_address SET first_name = coalesce(:first, first_name), last_name = coalesce(:last, last_name),
                    street_number = :number, apt = :apt, street_name = :street, city = :city, province = :province,
                    postal_code = :postal, provider_status = 'pending', verified_at = NULL, updated_at = now()
                WHERE did = :did
                """)
                .param("first", firstName).param("last", lastName).param("number", a.streetNumber()).param("apt", a.apt())
                .param("street", a.streetName()).param("city", a.city()).param("province", a.province())
                .param("postal", a.postalCode()).param("did", did)
                .update();
        jdbc.sql("UPDATE automation.voip_line SET e911_synced = false WHERE did = :did").param("did", did).update();
    }

    public void markRejected(String did) {
        jdbc.sql("UPDATE automation.e911_address SET provider_status = 'rejected', updated_at = now() WHERE did = :did")
                .param("did", did).update();
    }

    public void markConfirmed(String did) {
        jdbc.sql("UPDATE automation.e911_address SET provider_status = 'provisioned', verified_at = now(), updated_at = now() WHERE did = :did")
                .param("did", did).update();
        jdbc.sql("UPDATE automation.voip_line SET e911_synced = true WHERE did = :did").param("did", did).update();
    }
}
