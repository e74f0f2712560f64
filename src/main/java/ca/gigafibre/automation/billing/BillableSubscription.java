package ca.gigafibre.automation.billing;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A subscription as the billing run sees it; {@code billedThrough} is the last day already billed (null: never billed). */
public record BillableSubscription(long id, long customerId, String sku, String description, int quantity, BigDecimal unitPrice,
                                   String frequency, LocalDate start, LocalDate end, LocalDate billedThrough) {

    public BillableSubscription(long id, long customerId, String sku, String description, int quantity, BigDecimal unitPrice,
                                String frequency, LocalDate start, LocalDate end) {
        this(id, customerId, sku, description, quantity, unitPrice, frequency, start, end, null);
    }

    /** Cancelled before it started: not one day of service. */
    public boolean endsBeforeItStarts() {
        return end != null && end.isBefore(start);
    }
}
