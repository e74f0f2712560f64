package ca.gigafibre.automation.demo;

import static ca.gigafibre.automation.demo.QuebecReference.pick;

import ca.gigafibre.automation.demo.SyntheticBilling.Sub;
import ca.gigafibre.automation.demo.SyntheticWorld.Customer;
import ca.gigafibre.automation.platform.secret.SecretColumn;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * VoIP lines (790 DIDs for 745 customers at scale 1.0), their 911 addresses, 224 more 911 registrations with no
 * line (orphans of decommissioned lines), and ATA configs (786 for 779 DIDs). Secrets are stored encrypted.
 */
final class SyntheticTelephony {

    /** 911 registrations still held for decommissioned lines at scale 1.0 (the legacy volumes): the demo's orphans. */
    static final int ORPHAN_REGISTRATIONS_AT_SCALE_ONE = 224;

    private final SyntheticWorld world;
    private final Set<String> usedDids = new HashSet<>();

    SyntheticTelephony(SyntheticWorld world, Set<String> existingDids) {
        this.world = world;
        this.usedDids.addAll(existingDids);
    }

    void generate(List<Sub> phoneSubscriptions) {
        int atas = world.scaled(779);
        int secondAtas = world.scaled(786) - atas;
        int index = 0;
        for (Sub sub : phoneSubscriptions) {
            Customer c = sub.customer();
            String did = newDid(c);
            line(sub, did);
            address(c, did, c.commercial() ? "BUS" : "RES");
            if (index < atas) {
                ata(c, did);
                if (index < secondAtas) {
                    ata(c, did);
                }
            }
            index++;
        }
        List<Customer> formerPhoneCustomers = world.sample(world.customers.stream().filter(c -> !c.active()).toList(),
                world.scaled(164));
        for (int i = 0; i < orphanRegistrations(world.scale) && !formerPhoneCustomers.isEmpty(); i++) {
            Customer c = formerPhoneCustomers.get(i % formerPhoneCustomers.size());
            address(c, newDid(c), "RES");
        }
    }

    /** How many orphan 911 registrations a load at this scale writes (given former customers to hold them, as at any real scale). */
    static int orphanRegistrations(double scale) {
        return SyntheticWorld.scaled(ORPHAN_REGISTRATIONS_AT_SCALE_ONE, scale);
    }

    private void line(Sub sub, String did) {
        Customer c = sub.customer();
        boolean voicemail = world.chance(0.6);
        long id = world.nextId("voip_line");
        world.table("voip_line", "id", "did", "customer_id", "location_id", "subscription_id", "caller_id_name", "extension", "language",
                        "max_calls", "call_timeout_sec", "country_whitelist", "voicemail_enabled", "voicemail_email",
                        "sip_password_enc", "voicemail_pin_enc", "state", "e911_synced")
                .row(id, did, c.id(), c.locationId(), sub.id(), callerId(c), String.valueOf(world.between(100, 999)), c.language(), 2, 30,
                        world.chance(0.1) ? List.of("CA", "US", "FR") : List.of("CA", "US"), voicemail,
                        voicemail ? QuebecReference.email(c.firstName(), c.lastName(), c.id()) : null,
                        world.cipher.encrypt(secret(16), SecretColumn.SIP_PASSWORD, id),
                        voicemail ? world.cipher.encrypt(String.valueOf(world.between(1000, 9999)), SecretColumn.VOICEMAIL_PIN, id) : null,
                        "active", true);
    }

    private void address(Customer c, String did, String serviceClass) {
        world.table("e911_address", "did", "customer_id", "first_name", "last_name", "street_number", "apt", "street_name",
                        "city", "province", "postal_code", "cauca_code", "service_class", "enhanced_capable", "provider_status",
                        "verified_at")
                .row(did, c.id(), c.firstName(), c.lastName(), c.streetNumber(), c.apt(), c.streetName(), c.town().name(), "QC",
                        c.postalCode(), c.town().caucaCode(), serviceClass, true, "provisioned",
                        c.since().atStartOfDay(ca.gigafibre.automation.platform.time.BusinessTime.ZONE).toOffsetDateTime());
    }

    private void ata(Customer c, String did) {
        StringBuilder mac = new StringBuilder("00:0B:82");
        for (int i = 0; i < 3; i++) {
            mac.append(':').append(String.format("%02X", world.random.nextInt(256)));
        }
        long id = world.nextId("ata_config");
        world.table("ata_config", "id", "did", "customer_id", "location_id", "model", "mac", "password_enc", "international")
                .row(id, did, c.id(), c.locationId(), pick(world.random, List.of("ht502", "ht502", "ht802", "spa112")), mac.toString(),
                        world.cipher.encrypt(secret(12), SecretColumn.ATA_PASSWORD, id), world.chance(0.08));
    }

    private String newDid(Customer c) {
        String did;
        do {
            did = c.town().areaCode() + pick(world.random, QuebecReference.EXCHANGES) + String.format("%04d", world.random.nextInt(10000));
        } while (!usedDids.add(did));
        return did;
    }

    private static String callerId(Customer c) {
        String name = (c.lastName() + " " + c.firstName()).toUpperCase();
        return name.length() > 15 ? name.substring(0, 15) : name;
    }

    private String secret(int length) {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder secret = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            secret.append(alphabet.charAt(world.random.nextInt(alphabet.length())));
        }
        return secret.toString();
    }
}
