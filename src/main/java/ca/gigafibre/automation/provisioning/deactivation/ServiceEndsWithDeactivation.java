package ca.gigafibre.automation.provisioning.deactivation;

import ca.gigafibre.automation.billing.subscription.SubscriptionService;
import ca.gigafibre.automation.customer.CustomerRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What ends with a deactivation besides the network. A closed location bills nothing after its end date: every
 * subscription still running there (phone lines, TV, rentals) is cancelled on that date through billing's one
 * cancellation path, so the next run credits what was billed after it, to the cent. Then, when the account has nothing
 * left in service, it says so ({@link AccountOutOfService}).
 */
@Component
public class ServiceEndsWithDeactivation {

    private static final Logger log = LoggerFactory.getLogger(ServiceEndsWithDeactivation.class);

    private final Deactivations deactivations;
    private final SubscriptionService subscriptions;
    private final CustomerRepository customers;
    private final ApplicationEventPublisher events;

    public ServiceEndsWithDeactivation(Deactivations deactivations, SubscriptionService subscriptions, CustomerRepository customers,
                                       ApplicationEventPublisher events) {
        this.deactivations = deactivations;
        this.subscriptions = subscriptions;
        this.customers = customers;
        this.events = events;
    }

    /** Called once the deactivation runs (it can no longer be withdrawn), in its transaction. */
    public void endWith(Deactivations.Row deactivation) {
        if (deactivation.kind().equals("location") && deactivation.locationId() != null) {
            for (String subscriptionNo : deactivations.subscriptionsStillRunning(deactivation.locationId(), deactivation.endDate())) {
                subscriptions.cancel(subscriptionNo, deactivation.endDate(), "Lieu fermé / Location closed (" + deactivation.businessKey() + ")");
                log.info("{}: {} ends with the location on {}", deactivation.businessKey(), subscriptionNo, deactivation.endDate());
            }
        }
        if (deactivations.nothingInServiceAfter(deactivation.customerId(), deactivation.endDate())) {
            events.publishEvent(new AccountOutOfService(customers.refOf(deactivation.customerId()),
                    deactivation.businessKey()));
        }
    }
}
