package ca.gigafibre.automation.erpnext.outbox;

import ca.gigafibre.automation.billing.InvoicesWritten;
import ca.gigafibre.automation.billing.PaymentRecorded;
import ca.gigafibre.automation.billing.ReversalApplied;
import ca.gigafibre.automation.billing.SubscriptionChanged;
import ca.gigafibre.automation.customer.CustomerCreated;
import ca.gigafibre.automation.customer.LocationAddressChanged;
import ca.gigafibre.automation.customer.LocationCreated;
import ca.gigafibre.automation.provisioning.EquipmentChanged;
import ca.gigafibre.automation.sales.QuoteCreated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues the documents billing, customer, sales and provisioning write, from their domain events. A plain
 * {@code @EventListener} on purpose (not after commit): it runs in the publisher's transaction, so the outbox entry commits
 * with the document or not at all, which is the outbox's whole point. Those packages sit below erpnext and do not know it.
 */
@Component
public class OutboxOnDocuments {

    private final ErpOutbox outbox;

    public OutboxOnDocuments(ErpOutbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    public void on(InvoicesWritten written) {
        outbox.invoices(written.invoiceIds());
    }

    @EventListener
    public void on(PaymentRecorded recorded) {
        outbox.payment(recorded.paymentId());
    }

    @EventListener
    public void on(ReversalApplied applied) {
        outbox.reversal(applied.reversalId());
    }

    @EventListener
    public void on(CustomerCreated created) {
        outbox.customer(created.customerId());
    }

    @EventListener
    public void on(LocationCreated created) {
        outbox.location(created.locationNo());
    }

    @EventListener
    public void on(LocationAddressChanged changed) {
        outbox.locationUpdated(changed.locationNo());
    }

    @EventListener
    public void on(EquipmentChanged changed) {
        outbox.equipment(changed.equipmentIds());
    }

    @EventListener
    public void on(SubscriptionChanged changed) {
        switch (changed.change()) {
            case CREATED -> {
                if (changed.subscriptionNo() != null) {
                    outbox.subscriptionCreated(changed.subscriptionNo());
                } else {
                    outbox.subscriptionCreated(changed.subscriptionId());
                }
            }
            case STATUS -> outbox.subscriptionStatus(changed.subscriptionNo());
        }
    }

    @EventListener
    public void on(QuoteCreated created) {
        outbox.quote(created.quoteId());
    }
}
