package ca.gigafibre.automation.voip;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.customer.CustomerRow;
import ca.gigafibre.automation.customer.LocationAddressChanged;
import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.error.InvalidRequestException;
import ca.gigafibre.automation.platform.error.NotFoundException;
import ca.gigafibre.automation.platform.secret.RowIds;
import ca.gigafibre.automation.platform.secret.SecretCipher;
import ca.gigafibre.automation.platform.secret.SecretColumn;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders phone lines and changes their 911 addresses. The rows and the process start commit together: a line is
 * never written without the process that makes it live, nor a process started for a line that was not written.
 */
@Service
public class VoipLineService {

    public static final String VOIP_LINE = "voip-line";
    public static final String E911_CHANGE = "e911-address-change";

    private final JdbcClient jdbc;
    private final CustomerRepository customers;
    private final SecretCipher cipher;
    private final E911Addresses addresses;
    private final RuntimeService runtime;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    public VoipLineService(JdbcClient jdbc, CustomerRepository customers, SecretCipher cipher, E911Addresses addresses,
                           RuntimeService runtime, AuditLog audit) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.cipher = cipher;
        this.addresses = addresses;
        this.runtime = runtime;
        this.audit = audit;
    }

    /** Orders a line on its own: the rows, then its {@code voip-line} process. */
    @Transactional
    public VoipLineView order(CustomerNo customerNo, NewVoipLine line) {
        register(customerNo, line);
        ProcessInstance instance = runtime.startProcessInstanceByKey(VOIP_LINE, line.did(), Map.of("did", line.did(), "customerId", customerNo.value()));
        audit.record("voip-line.ordered", "voip-line", line.did(), null, Map.of("customer", customerNo.value(), "processInstanceId", instance.getId()));
        return view(line.did(), instance.getId());
    }

    /**
     * Writes the line, its 911 address (from the service location unless given) and its ATA, not live
     * ({@code pending}); {@code provisioning} calls {@code voip-line} for it, or {@link #order} does.
     */
    @Transactional
    public void register(CustomerNo customerNo, NewVoipLine line) {
        long customerId = customers.idOf(customerNo, "id");
        CustomerRow customer = customers.find(customerId).orElseThrow();
        if (jdbc.sql("SELECT exists(SELECT 1 FROM automation.voip_line WHERE did = :did AND state <> 'cancelled')")
                .param("did", line.did()).query(Boolean.class).single()) {
            throw new InvalidRequestException("did", "DID " + line.did() + " already has a line in service");
        }
        Location location = location(customerId, line.locationId());
        jdbc.sql("DELETE FROM automation.voip_line WHERE did = :did AND state = 'cancelled'").param("did", line.did()).update();
        long lineId = RowIds.next(jdbc, "voip_line");   // the passwords are bound to it
        jdbc.sql("""
                INSERT INTO automation.voip_line (id, did, customer_id, location_id, caller_id_name, language, voicemail_enabled,
                    voicemail_email, sip_password_enc, voicemail_pin_enc, state, e911_synced)
                VALUES (:id, :did, :customer, :location, :callerId, :language, :vm, :vmEmail, :sip, :pin, 'pending', false)
                """)
                .param("id", lineId).param("did", line.did()).param("customer", customerId).param("location", location.id())
                .param("callerId", line.callerIdName().strip())
                .param("language", line.language() == null ? customer.language() : line.language())
                .param("vm", Boolean.TRUE.equals(line.voicemailEnabled())).param("vmEmail", line.voicemailEmail())
                .param("sip", cipher.encrypt(line.sipPassword() == null ? newSipPassword() : line.sipPassword(), SecretColumn.SIP_PASSWORD, lineId))
                .param("pin", cipher.encrypt(line.voicemailPin(), SecretColumn.VOICEMAIL_PIN, lineId))
                .update();
        CivicAddress address = line.e911Address() != null ? line.e911Address().civic() : location.address();
        jdbc.sql("""
                INSERT INTO automation.e911_address (did, customer_id, first_name, last_name, street_number, apt, street_name,
                    city, province, postal_code, cauca_code, service_class, provider_status)
                VALUES (:did, :customer, :first, :last, :number, :apt, :street, :city, :province, :postal, :cauca, :class, 'pending')
                ON CONFLICT (did) DO UPDATE SET customer_id = EXCLUDED.customer_id, first_name = EXCLUDED.first_name,
                    last_name = EXCLUDED.last_name, street_number = EXCLUDED.street_number, apt = EXCLUDED.apt,
                    street_name = EXCLUDED.street_name, city = EXCLUDED.city, province = EXCLUDED.province,
                    postal_code = EXCLUDED.postal_code, service_class = EXCLUDED.service_class,
                    provider_status = 'pending', verified_at = NULL, updated_at = now()
                """)
                .param("did", line.did()).param("customer", customerId)
                .param("first", line.e911Address() != null && line.e911Address().firstName() != null ? line.e911Address().firstName() : customer.firstName())
                .param("last", line.e911Address() != null && line.e911Address().lastName() != null ? line.e911Address().lastName() : customer.lastName())
                .param("number", address.streetNumber()).param("apt", address.apt()).param("street", address.streetName())
                .param("city", address.city()).param("province", address.province()).param("postal", address.postalCode())
                .param("cauca", null)
                .param("class", line.serviceClass() != null ? line.serviceClass() : customer.commercial() ? "BUS" : "RES")
                .update();
        if (line.ata() != null) {
            long ataId = RowIds.next(jdbc, "ata_config");
            jdbc.sql("""
                    INSERT INTO automation.ata_config (id, did, customer_id, location_id, model, mac, password_enc)
                    VALUES (:id, :did, :customer, :location, :model, :mac, :password)
                    """)
                    .param("id", ataId).param("did", line.did()).param("customer", customerId).param("location", location.id())
                    .param("model", line.ata().model()).param("mac", line.ata().normalisedMac())
                    .param("password", cipher.encrypt(newSipPassword(), SecretColumn.ATA_PASSWORD, ataId))
                    .update();
        }
    }

    /** A new 911 address for a line: written now, flagged unsynced, and registered by {@code e911-address-change}. */
    @Transactional
    public VoipLineView changeE911Address(String did, E911AddressInput input) {
        if (!did.matches("^\\d{10}$")) {
            throw new InvalidRequestException("did", "must be a 10-digit phone number (DID)");
        }
        addresses.get(did);
        addresses.replaceAddress(did, input.firstName(), input.lastName(), input.civic());
        String processInstanceId = syncE911(did);
        audit.record("e911.address-changed", "voip-line", did, null, Map.of("address", VoipLineAddresses.oneLine(input.civic())));
        return view(did, processInstanceId);
    }

    /** The service address moved: every live line there gets the new 911 address. */
    @EventListener
    public void onLocationAddressChanged(LocationAddressChanged event) {
        List<String> dids = jdbc.sql("SELECT did FROM automation.voip_line WHERE location_id = :location AND state <> 'cancelled'")
                .param("location", event.locationId()).query(String.class).list();
        CivicAddress moved = new CivicAddress(event.streetNumber(), event.apt(), event.streetName(), event.city(), event.province(),
                event.postalCode());
        for (String did : dids) {
            addresses.replaceAddress(did, null, null, moved);
            syncE911(did);
        }
    }

    @Transactional(readOnly = true)
    public List<VoipLineView> ofCustomer(CustomerNo customerNo) {
        long customerId = customers.idOf(customerNo, "id");
        return jdbc.sql("SELECT did FROM automation.voip_line WHERE customer_id = :id ORDER BY did").param("id", customerId)
                .query(String.class).list().stream().map(did -> view(did, null)).toList();
    }

    /** Starts the sync unless one already runs for this DID (it reads the address from our data at each try). */
    private String syncE911(String did) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(E911_CHANGE).processInstanceBusinessKey(did).active()
                .listPage(0, 1).stream().findFirst().map(ProcessInstance::getId)
                .orElseGet(() -> runtime.startProcessInstanceByKey(E911_CHANGE, did, Map.of("did", did)).getId());
    }

    private VoipLineView view(String did, String processInstanceId) {
        return jdbc.sql("""
                SELECT l.did, c.customer_no, loc.location_no, l.caller_id_name, l.state, l.e911_synced, l.voicemail_enabled
                FROM automation.voip_line l JOIN automation.customer c ON c.id = l.customer_id
                LEFT JOIN automation.service_location loc ON loc.id = l.location_id WHERE l.did = :did
                """)
                .param("did", did)
                .query((rs, n) -> new VoipLineView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getBoolean(6), rs.getBoolean(7), processInstanceId))
                .optional().orElseThrow(() -> new NotFoundException("VoIP line", did, "did"));
    }

    private Location location(long customerId, String locationNo) {
        return jdbc.sql("""
                SELECT id, street_number, apt, street_name, city, province, postal_code FROM automation.service_location
                WHERE customer_id = :customer AND (CAST(:no AS text) IS NULL OR location_no = :no) ORDER BY id LIMIT 1
                """)
                .param("customer", customerId).param("no", locationNo)
                .query((rs, n) -> new Location(rs.getLong(1), new CivicAddress(rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7))))
                .optional().orElseThrow(() -> new NotFoundException("Service location of this customer",
                        locationNo == null ? "(any)" : locationNo, "locationId"));
    }

    private String newSipPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    private record Location(long id, CivicAddress address) {
    }
}
