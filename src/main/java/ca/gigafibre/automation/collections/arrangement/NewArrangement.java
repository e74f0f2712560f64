package ca.gigafibre.automation.collections.arrangement;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * {@code POST /api/customers/{id}/arrangements}: "$150 by March 26, cut off on April 2 if missed". Method as the
 * legacy codes: portal, cheque, phone, ppa.
 */
public record NewArrangement(
        @NotNull @DecimalMin(value = "0.01", message = "must be a positive amount") @Digits(integer = 10, fraction = 2) BigDecimal amount,
        @NotNull LocalDate dueDate,
        @NotNull LocalDate cutoffDate,
        @Pattern(regexp = "^(portal|cheque|phone|ppa)$", message = "must be portal, cheque, phone or ppa") String method,
        @Size(max = 2000) String note,
        @Size(max = 500) String changeReason) {
}
