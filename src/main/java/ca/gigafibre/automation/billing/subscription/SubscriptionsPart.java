package ca.gigafibre.automation.billing.subscription;

import ca.gigafibre.automation.customer.Customer360Part;
import org.springframework.stereotype.Component;

/** Customer 360: subscriptions. */
@Component
class SubscriptionsPart implements Customer360Part {

    private final SubscriptionService subscriptions;

    SubscriptionsPart(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public String key() {
        return "subscriptions";
    }

    @Override
    public Object describe(long customerId) {
        return subscriptions.forCustomer(customerId);
    }
}
