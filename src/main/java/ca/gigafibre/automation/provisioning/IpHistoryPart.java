package ca.gigafibre.automation.provisioning;

import ca.gigafibre.automation.customer.Customer360Part;
import org.springframework.stereotype.Component;

/** Customer 360's "ipHistory": every IP the customer had, newest first (as {@code GET /api/customers/{id}/ip-history}). */
@Component
class IpHistoryPart implements Customer360Part {

    private final IpHistory history;

    IpHistoryPart(IpHistory history) {
        this.history = history;
    }

    @Override
    public String key() {
        return "ipHistory";
    }

    @Override
    public Object describe(long customerId) {
        return history.of(customerId, null);
    }
}
