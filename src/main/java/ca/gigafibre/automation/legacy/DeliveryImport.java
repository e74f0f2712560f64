package ca.gigafibre.automation.legacy;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Legacy {@code delivery} (the account's service addresses: {@code address1, address2, city, state, zip}) → service
 * locations, so lines, IP history and address history find their place. Imported when the source has it.
 */
@Component
class DeliveryImport extends TableImport<DeliveryImport.Delivery> {

    private static final Upsert LOCATIONS = Upsert.into("service_location", "legacy_delivery_id",
            List.of("customer_id", "street_number", "apt", "street_name", "city", "province", "postal_code"), List.of(), Map.of());

    record Delivery(long legacyId, byte[] hash, long legacyAccountId, long customerId, String number, String apt, String street,
                    String city, String province, String postalCode) implements LegacyTarget {
    }

    @Override
    public String legacyTable() {
        return "delivery";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<String> requiredColumns() {
        return List.of("account_id", "address1", "city", "zip");
    }

    @Override
    public String targetTable() {
        return "service_location";
    }

    @Override
    public String legacyColumn() {
        return "legacy_delivery_id";
    }

    @Override
    public Delivery map(LegacyRow row, ImportContext context, Repairs repairs) {
        Long account = row.integer("account_id");
        long customer = context.customer("account_id", account);
        StreetLine street = StreetLine.parse(row.text("address1"));
        if (street == null) {
            throw new LegacyValueRejected("address1", "no civic number before the street");
        }
        String city = row.text("city");
        if (city == null) {
            throw new LegacyValueRejected("city", "no city");
        }
        String postal = PostalCodeNormalizer.normalise("zip", row.text("zip"), repairs);
        String province = ProvinceNormalizer.normalise("state", row.text("state"), repairs);
        String apt = row.text("address2");
        byte[] hash = context.fingerprint(account, street.number(), apt, street.street(), city, province, postal);
        return new Delivery(row.id(), hash, account, customer, street.number(), apt, street.street(), city, province, postal);
    }

    @Override
    public void write(JdbcTemplate jdbc, List<Delivery> rows) {
        LOCATIONS.run(jdbc, rows.stream().map(d -> new Object[] {d.customerId(), d.number(), d.apt(), d.street(), d.city(), d.province(),
                d.postalCode(), (int) d.legacyId(), d.hash()}).toList());
    }

    @Override
    public void remember(ImportContext context, Delivery row) {
        context.wouldBeDelivery(row.legacyId(), row.legacyAccountId());
    }
}
