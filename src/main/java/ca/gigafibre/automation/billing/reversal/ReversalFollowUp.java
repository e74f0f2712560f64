package ca.gigafibre.automation.billing.reversal;

import ca.gigafibre.automation.billing.PaymentReversed;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * After a reversal reopened invoices, tells whoever follows the accounts ({@link PaymentReversed}; collections listen),
 * so billing does not depend on collections.
 */
@Component
public class ReversalFollowUp {

    private final ApplicationEventPublisher events;

    public ReversalFollowUp(ApplicationEventPublisher events) {
        this.events = events;
    }

    public void follow(PaymentReversals.Applied applied, String why) {
        if (!applied.invoicesReopened().isEmpty()) {
            events.publishEvent(new PaymentReversed(List.copyOf(applied.customers()), applied.invoicesReopened(), why));
        }
    }
}
