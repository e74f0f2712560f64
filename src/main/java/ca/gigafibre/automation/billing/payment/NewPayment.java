package ca.gigafibre.automation.billing.payment;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** {@code POST /api/payments}: a payment received; it is allocated to the oldest open invoices first. */
public record NewPayment(
        @NotBlank String customerId,
        @NotNull @DecimalMin(value = "0.01", message = "must be a positive amount") @Digits(integer = 10, fraction = 2) BigDecimal amount,
        @NotBlank @Pattern(regexp = "^(stripe|paysafe|bank-ppa|portal|cheque|cash|phone|transfer)$",
                message = "must be one of stripe, paysafe, bank-ppa, portal, cheque, cash, phone, transfer") String method,
        String reference,
        OffsetDateTime receivedAt) {
}
