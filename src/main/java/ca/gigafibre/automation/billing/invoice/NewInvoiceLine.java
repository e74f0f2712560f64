package ca.gigafibre.automation.billing.invoice;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.math.RoundingMode;

public record NewInvoiceLine(
        String sku,
        @NotBlank String description,
        @NotNull @Positive @Digits(integer = 8, fraction = 2) BigDecimal quantity,
        @NotNull @DecimalMin(value = "0.00", message = "must not be negative") @Digits(integer = 10, fraction = 2) BigDecimal unitPrice) {

    BigDecimal amount() {
        return quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
    }
}
