package ca.gigafibre.automation.billing.invoice;

import ca.gigafibre.automation.billing.ledger.Balance;
import ca.gigafibre.automation.billing.ledger.BalanceService;
import ca.gigafibre.automation.billing.subscription.NewSubscription;
import ca.gigafibre.automation.billing.subscription.SubscriptionService;
import ca.gigafibre.automation.billing.subscription.SubscriptionView;
import ca.gigafibre.automation.customer.CustomerNo;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
public class BillingController {

    private final SubscriptionService subscriptions;
    private final InvoiceService invoices;
    private final BalanceService balances;

    public BillingController(SubscriptionService subscriptions, InvoiceService invoices, BalanceService balances) {
        this.subscriptions = subscriptions;
        this.invoices = invoices;
        this.balances = balances;
    }

    @PostMapping("/customers/{id}/subscriptions")
    @Operation(summary = "Add a subscription to a plan (SKU) at one of the customer's locations")
    public ResponseEntity<SubscriptionView> subscribe(@PathVariable CustomerNo id, @Valid @RequestBody NewSubscription request) {
        SubscriptionView created = subscriptions.add(id, request);
        return ResponseEntity.created(URI.create("/api/customers/" + id + "/subscriptions/" + created.id())).body(created);
    }

    /** {@code {"endDate": "2026-12-15", "reason": "..."}} */
    public record Cancellation(@jakarta.validation.constraints.NotNull java.time.LocalDate endDate,
                               @jakarta.validation.constraints.Size(max = 500) String reason) {
    }

    @PostMapping("/subscriptions/{id}/cancellation")
    @Operation(summary = "Cancel a subscription on an end date; days already billed after it are credited on the next billing run")
    public SubscriptionView cancel(@PathVariable String id, @Valid @RequestBody Cancellation request) {
        return subscriptions.cancel(id, request.endDate(), request.reason());
    }

    @DeleteMapping("/subscriptions/{id}/cancellation")
    @Operation(summary = "Withdraw a cancellation before its end date: the subscription runs on and its deactivation is stopped")
    public SubscriptionView withdrawCancellation(@PathVariable String id) {
        return subscriptions.withdrawCancellation(id);
    }

    @PostMapping("/invoices")
    @Operation(summary = "Create a manual invoice; TPS and TVQ are computed and rounded once per invoice")
    public ResponseEntity<InvoiceView> invoice(@Valid @RequestBody NewInvoice request) {
        InvoiceView created = invoices.create(request);
        return ResponseEntity.created(URI.create("/api/invoices/" + created.id())).body(created);
    }

    @GetMapping("/invoices/{id}")
    @Operation(summary = "One invoice with its lines and taxes")
    public InvoiceView getInvoice(@PathVariable String id) {
        return invoices.get(id);
    }

    @GetMapping("/customers/{id}/balance")
    @Operation(summary = "Balance, overdue amount and open invoices")
    public Balance balance(@PathVariable CustomerNo id) {
        return balances.of(id);
    }
}
