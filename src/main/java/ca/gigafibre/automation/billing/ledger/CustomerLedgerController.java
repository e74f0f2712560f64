package ca.gigafibre.automation.billing.ledger;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.platform.web.Paged;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
public class CustomerLedgerController {

    private final CustomerLedger ledger;

    public CustomerLedgerController(CustomerLedger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/api/customers/{id}/invoices")
    @Operation(summary = "The customer's invoices, newest first (issue date, then id), by page from 0, with the total count")
    public Paged<CustomerLedger.InvoiceLine> invoices(@PathVariable CustomerNo id, @RequestParam(defaultValue = "0") @Min(0) int page,
                                                      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return ledger.invoices(id, page, size);
    }

    @GetMapping("/api/customers/{id}/payments")
    @Operation(summary = "The customer's payments, newest first (received, then id), by page from 0, with the total count")
    public Paged<CustomerLedger.PaymentLine> payments(@PathVariable CustomerNo id, @RequestParam(defaultValue = "0") @Min(0) int page,
                                                      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return ledger.payments(id, page, size);
    }
}
