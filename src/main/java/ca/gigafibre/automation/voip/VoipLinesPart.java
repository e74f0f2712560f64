package ca.gigafibre.automation.voip;

import ca.gigafibre.automation.customer.Customer360Part;
import org.springframework.stereotype.Component;

/**
 * Customer 360's "voipLines": each live line with its service and 911 addresses and its 911 status — {@code synced},
 * {@code unverified} (matches, the provider has not confirmed it), {@code mismatch} (the differing fields named) or
 * {@code missing}. The DID report's comparison of our stored addresses: no call to the 911 provider per request.
 */
@Component
class VoipLinesPart implements Customer360Part {

    private final E911Reports reports;

    VoipLinesPart(E911Reports reports) {
        this.reports = reports;
    }

    @Override
    public String key() {
        return "voipLines";
    }

    @Override
    public Object describe(long customerId) {
        return reports.didReportOf(customerId);
    }
}
