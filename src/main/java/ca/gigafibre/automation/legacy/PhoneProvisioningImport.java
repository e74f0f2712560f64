package ca.gigafibre.automation.legacy;

import ca.gigafibre.automation.platform.secret.SecretCipher;
import ca.gigafibre.automation.platform.secret.SecretColumn;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Legacy {@code phone_provisioning} (13e: the ATA of a DID: {@code app} model, {@code mac}, {@code password},
 * {@code internationnal}) → ATA configs; the MAC is normalised ({@code 00:0B:82:12:34:56}) and the password encrypted.
 */
@Component
class PhoneProvisioningImport extends TableImport<PhoneProvisioningImport.Ata> {

    private static final Upsert ATAS = Upsert.into("ata_config", "legacy_phone_provisioning_id",
            List.of("id", "did", "customer_id", "location_id", "model", "mac", "password_enc", "international"), List.of("id"), Map.of());

    private final SecretCipher cipher;

    PhoneProvisioningImport(SecretCipher cipher) {
        this.cipher = cipher;
    }

    record Ata(long legacyId, byte[] hash, String did, long customerId, Long locationId, String model, String mac, String password,
               boolean international) implements LegacyTarget {
        @Override
        public String toString() {
            return "Ata[" + legacyId + ", " + did + ", " + mac + ", password ***]";
        }
    }

    @Override
    public String legacyTable() {
        return "phone_provisioning";
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public List<String> requiredColumns() {
        return List.of("account_id", "phone", "app", "mac");
    }

    @Override
    public String targetTable() {
        return "ata_config";
    }

    @Override
    public String legacyColumn() {
        return "legacy_phone_provisioning_id";
    }

    @Override
    public Ata map(LegacyRow row, ImportContext context, Repairs repairs) {
        Long account = row.integer("account_id");
        long customer = context.customer("account_id", account);
        String did = DidNormalizer.normalise("phone", row.text("phone"), repairs);
        String mac = MacNormalizer.normalise("mac", row.text("mac"), repairs);
        String model = row.text("app");
        if (model == null) {
            throw new LegacyValueRejected("app", "no device model");
        }
        Long location = context.location(row.integer("delivery_id"), account, customer);
        String password = row.text("password");
        boolean international = row.flag("internationnal");
        return new Ata(row.id(), context.fingerprint(did, account, row.integer("delivery_id"), model, mac, password, international), did,
                customer, location, model, mac, password, international);
    }

    @Override
    public void write(JdbcTemplate jdbc, List<Ata> rows) {
        Map<String, Long> ids = LegacyRowIds.of(jdbc, "ata_config", "legacy_phone_provisioning_id",
                rows.stream().map(a -> (int) a.legacyId()).toList());
        ATAS.run(jdbc, rows.stream().map(a -> {
            long id = ids.get(String.valueOf(a.legacyId()));
            return new Object[] {id, a.did(), a.customerId(), a.locationId(), a.model(), a.mac(),
                    cipher.encrypt(a.password(), SecretColumn.ATA_PASSWORD, id), a.international(), (int) a.legacyId(), a.hash()};
        }).toList());
    }
}
