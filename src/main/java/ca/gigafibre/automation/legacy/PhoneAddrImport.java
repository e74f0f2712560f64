package ca.gigafibre.automation.legacy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Legacy {@code phone_addr} (13f: the 911 civic address of a DID, as provisioned to the 911 provider) → 911 addresses,
 * {@code provider_status} provisioned and not verified by the engine yet. An address whose DID has no line in service is
 * imported too and counted as an orphan (the orphan report lists it). Postal codes are repaired or rejected.
 */
@Component
class PhoneAddrImport extends TableImport<PhoneAddrImport.Address> {

    private static final Upsert ADDRESSES = Upsert.into("e911_address", "legacy_phone_addr_id",
            List.of("did", "customer_id", "first_name", "last_name", "street_number", "apt", "street_name", "city", "province", "postal_code",
                    "cauca_code", "service_class", "info", "enhanced_capable", "provider_status", "updated_at"),
            List.of("provider_status"), Map.of("updated_at", "now()"));

    record Address(long legacyId, byte[] hash, String did, long customerId, String firstName, String lastName, String number, String apt,
                   String street, String city, String province, String postalCode, String cauca, String serviceClass, String info,
                   boolean enhanced) implements LegacyTarget {
    }

    @Override
    public String legacyTable() {
        return "phone_addr";
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public List<String> requiredColumns() {
        return List.of("account_id", "phone", "street_number", "street_name", "city", "zip");
    }

    @Override
    public String targetTable() {
        return "e911_address";
    }

    @Override
    public String legacyColumn() {
        return "legacy_phone_addr_id";
    }

    @Override
    public Address map(LegacyRow row, ImportContext context, Repairs repairs) {
        long customer = context.customer("account_id", row.integer("account_id"));
        String did = DidNormalizer.normalise("phone", row.text("phone"), repairs);
        String number = required(row, "street_number");
        String street = required(row, "street_name");
        String city = required(row, "city");
        String postal = PostalCodeNormalizer.normalise("zip", row.text("zip"), repairs);
        String province = ProvinceNormalizer.normalise("state", row.text("state"), repairs);
        String serviceClass = row.text("class_service") == null ? "RES" : row.text("class_service").toUpperCase(Locale.ROOT);
        if (!serviceClass.equals("RES") && !serviceClass.equals("BUS")) {
            throw new LegacyValueRejected("class_service", "'" + serviceClass + "' is neither RES nor BUS");
        }
        boolean enhanced = !row.has("enhanced_capable") || row.raw("enhanced_capable") == null || row.flag("enhanced_capable");
        Address a = new Address(row.id(), null, did, customer, row.text("first_name"), row.text("last_name"), number, row.text("apt"), street,
                city, province, postal, row.text("code_cauca"), serviceClass, row.text("info"), enhanced);
        byte[] hash = context.fingerprint(did, row.integer("account_id"), a.firstName(), a.lastName(), number, a.apt(), street, city, province,
                postal, a.cauca(), serviceClass, a.info(), enhanced);
        return new Address(row.id(), hash, did, customer, a.firstName(), a.lastName(), number, a.apt(), street, city, province, postal,
                a.cauca(), serviceClass, a.info(), enhanced);
    }

    private static String required(LegacyRow row, String column) {
        String value = row.text(column);
        if (value == null) {
            throw new LegacyValueRejected(column, "missing");
        }
        return value;
    }

    @Override
    public void write(JdbcTemplate jdbc, List<Address> rows) {
        ADDRESSES.run(jdbc, rows.stream().map(a -> new Object[] {a.did(), a.customerId(), a.firstName(), a.lastName(), a.number(), a.apt(),
                a.street(), a.city(), a.province(), a.postalCode(), a.cauca(), a.serviceClass(), a.info(), a.enhanced(), "provisioned",
                (int) a.legacyId(), a.hash()}).toList());
    }

    @Override
    public boolean orphan(ImportContext context, Address row) {
        return !context.hasLine(row.did());
    }
}
