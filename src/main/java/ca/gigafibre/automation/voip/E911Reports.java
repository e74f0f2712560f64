package ca.gigafibre.automation.voip;

import ca.gigafibre.automation.adapter.e911.E911Client;
import ca.gigafibre.automation.voip.VoipLineAddresses.LineAddresses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The DID report, the 911 audit (service address ≠ 911 address after normalisation) and the orphan report
 * (911 registrations with no active line, from our data and from the provider's own listing).
 */
@Service
public class E911Reports {

    private final VoipLineAddresses lines;
    private final AddressNormalizer normalizer;
    private final E911Client provider;

    public E911Reports(VoipLineAddresses lines, AddressNormalizer normalizer, E911Client provider) {
        this.lines = lines;
        this.normalizer = normalizer;
        this.provider = provider;
    }

    @Transactional(readOnly = true)
    public List<DidReportRow> didReport() {
        return lines.all().stream().map(this::didRow).toList();
    }

    /** The DID report's rows of one customer: the same comparison, no call to the provider. */
    @Transactional(readOnly = true)
    public List<DidReportRow> didReportOf(long customerId) {
        return lines.ofCustomer(customerId).stream().map(this::didRow).toList();
    }

    @Transactional(readOnly = true)
    public List<E911AuditRow> audit() {
        List<E911AuditRow> findings = new ArrayList<>();
        for (LineAddresses line : lines.all()) {
            if (line.service() != null && line.e911() != null) {
                List<String> fields = normalizer.differences(line.service(), line.e911());
                if (!fields.isEmpty()) {
                    findings.add(new E911AuditRow(line.did(), line.customerId(), line.locationId(),
                            VoipLineAddresses.oneLine(line.service()), VoipLineAddresses.oneLine(line.e911()), String.join(",", fields)));
                }
            }
        }
        return findings;
    }

    /** Ours and the provider's; a DID found in both says so once. Calls the provider (paged listing). */
    @Transactional(readOnly = true)
    public List<E911OrphanRow> orphans() {
        Map<String, E911OrphanRow> byDid = new LinkedHashMap<>();
        lines.registrationsWithoutLine().forEach(row -> byDid.put(row.did(), row));
        Set<String> inService = lines.didsInService();
        for (E911Client.Registration registration : provider.listAll()) {
            if (inService.contains(registration.did())) {
                continue;
            }
            E911OrphanRow ours = byDid.get(registration.did());
            byDid.put(registration.did(), ours != null
                    ? new E911OrphanRow(ours.did(), ours.customerId(), ours.address(), "both")
                    : new E911OrphanRow(registration.did(), null, registration.streetNumber() + " " + registration.streetName()
                    + ", " + registration.city(), "provider"));
        }
        return new ArrayList<>(byDid.values());
    }

    private DidReportRow didRow(LineAddresses line) {
        String status;
        List<String> fields = List.of();
        if (line.e911() == null) {
            status = "missing";
        } else if (line.service() != null && !(fields = normalizer.differences(line.service(), line.e911())).isEmpty()) {
            status = "mismatch";
        } else if (line.e911Verified() && line.e911Synced()) {
            status = "synced";
        } else {
            status = "unverified";
        }
        return new DidReportRow(line.did(), line.customerId(), line.customerName(), line.lineState(), line.locationId(),
                VoipLineAddresses.oneLine(line.service()), VoipLineAddresses.oneLine(line.e911()), status, String.join(",", fields));
    }
}
