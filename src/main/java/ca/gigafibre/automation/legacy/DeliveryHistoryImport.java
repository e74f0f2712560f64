package ca.gigafibre.automation.legacy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Legacy {@code delivery_history} (previous addresses of an account: {@code date_orig, address1, address2, city,
 * state, zip}) → the address history of the account's first service location.
 */
@Component
class DeliveryHistoryImport extends TableImport<DeliveryHistoryImport.PastAddress> {

    private static final Upsert HISTORY = Upsert.into("location_address_history", "legacy_delivery_history_id",
            List.of("location_id", "street_number", "apt", "street_name", "city", "province", "postal_code", "replaced_at"), List.of(),
            Map.of());

    record PastAddress(long legacyId, byte[] hash, long locationId, String number, String apt, String street, String city, String province,
                       String postalCode, OffsetDateTime replacedAt) implements LegacyTarget {
    }

    @Override
    public String legacyTable() {
        return "delivery_history";
    }

    @Override
    public int order() {
        return 130;
    }

    @Override
    public List<String> requiredColumns() {
        return List.of("account_id", "date_orig", "address1", "city", "zip");
    }

    @Override
    public String targetTable() {
        return "location_address_history";
    }

    @Override
    public String legacyColumn() {
        return "legacy_delivery_history_id";
    }

    @Override
    public PastAddress map(LegacyRow row, ImportContext context, Repairs repairs) {
        Long account = row.integer("account_id");
        long customer = context.customer("account_id", account);
        Long location = context.location(null, account, customer);
        if (location == null) {
            throw new LegacyValueRejected("account_id", "account " + account + " has no service location");
        }
        String line = row.text("address1");
        if (line == null) {
            throw new LegacyValueRejected("address1", "missing");
        }
        StreetLine street = StreetLine.parse(line);
        String city = row.text("city");
        if (city == null) {
            throw new LegacyValueRejected("city", "missing");
        }
        String postal = PostalCodeNormalizer.normalise("zip", row.text("zip"), repairs);
        String province = ProvinceNormalizer.normalise("state", row.text("state"), repairs);
        OffsetDateTime replaced = LegacyTime.instant(row.integer("date_orig"));
        if (replaced == null) {
            throw new LegacyValueRejected("date_orig", "no date");
        }
        String number = street == null ? null : street.number();
        String streetName = street == null ? line : street.street();
        String apt = row.text("address2");
        return new PastAddress(row.id(), context.fingerprint(account, number, apt, streetName, city, province, postal, replaced), location, number,
                apt, streetName, city, province, postal, replaced);
    }

    @Override
    public void write(JdbcTemplate jdbc, List<PastAddress> rows) {
        HISTORY.run(jdbc, rows.stream().map(h -> new Object[] {h.locationId(), h.number(), h.apt(), h.street(), h.city(), h.province(),
                h.postalCode(), h.replacedAt(), (int) h.legacyId(), h.hash()}).toList());
    }
}
