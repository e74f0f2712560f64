package ca.gigafibre.automation.billing.subscription;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * {@code POST /api/customers/{id}/subscriptions}. Without {@code locationId} the customer's first location is used;
 * without {@code unitPrice} the plan's price.
 */
public record NewSubscription(
        @NotBlank String sku,
        @Pattern(regexp = "^LOC-\\d{5,}$", message = "must be a location id such as LOC-00042") String locationId,
        @Positive Integer quantity,
        @DecimalMin(value = "0.00", message = "must not be negative") @Digits(integer = 10, fraction = 2) BigDecimal unitPrice,
        @NotNull LocalDate startDate,
        LocalDate endDate,
        @Pattern(regexp = "^(pending|active)$", message = "must be pending or active") String status) {
}
