package ca.gigafibre.automation.billing;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A subscription as the billing run sees it. */
public record BillableSubscription(long id, long customerId, String sku, String description, int quantity, BigDecimal unitPrice,
                                   String frequency, LocalDate start, LocalDate end) {
}
