package ca.gigafibre.automation.billing.subscription;

import java.math.BigDecimal;
import java.time.LocalDate;

public record SubscriptionView(String id, String locationId, String sku, String plan, int quantity, BigDecimal unitPrice,
                               String billingFrequency, String status, LocalDate startDate, LocalDate endDate) {
}
