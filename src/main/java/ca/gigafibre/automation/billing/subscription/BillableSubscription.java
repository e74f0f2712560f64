package ca.gigafibre.automation.billing.subscription;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A subscription as the billing run sees it; {@code billedThrough} is the last day already billed (null: never billed).
 * {@code priceFromList}: it has no rate of its own in ERPNext and is priced from {@code priceList} (its customer's
 * default price list, null for none) — see {@link ListPrices}; {@code unitPrice} is then only the fallback.
 */
public record BillableSubscription(long id, long customerId, String sku, String description, int quantity, BigDecimal unitPrice,
                                   String frequency, LocalDate start, LocalDate end, LocalDate billedThrough, boolean priceFromList,
                                   String priceList) {

    public BillableSubscription(long id, long customerId, String sku, String description, int quantity, BigDecimal unitPrice,
                                String frequency, LocalDate start, LocalDate end, LocalDate billedThrough) {
        this(id, customerId, sku, description, quantity, unitPrice, frequency, start, end, billedThrough, false, null);
    }

    public BillableSubscription(long id, long customerId, String sku, String description, int quantity, BigDecimal unitPrice,
                                String frequency, LocalDate start, LocalDate end) {
        this(id, customerId, sku, description, quantity, unitPrice, frequency, start, end, null);
    }

    /** Cancelled before it started: not one day of service. */
    public boolean endsBeforeItStarts() {
        return end != null && end.isBefore(start);
    }
}
