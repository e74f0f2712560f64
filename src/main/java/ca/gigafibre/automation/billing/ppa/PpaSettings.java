package ca.gigafibre.automation.billing.ppa;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;

/**
 * {@code PUT/GET /api/customers/{id}/ppa}: the account's pre-authorized payment (PPA). {@code method} is how it is
 * charged (Stripe card, Paysafe card token, bank debit); {@code limit} and {@code buffer} cap a variable charge (above
 * them a person reviews); {@code fixedAmount}, when set, is charged instead of the invoice (never more than is open).
 * {@code padAgreement} is required to enrol in bank debits (its {@code channel} at least) and is returned while bank
 * debits are on.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PpaSettings(
        @NotNull Boolean enabled,
        @Pattern(regexp = "^(stripe|paysafe|bank)$", message = "must be stripe, paysafe or bank") String method,
        @DecimalMin(value = "0.00", message = "must not be negative") @Digits(integer = 10, fraction = 2) BigDecimal limit,
        @DecimalMin(value = "0.00", message = "must not be negative") @Digits(integer = 10, fraction = 2) BigDecimal buffer,
        @DecimalMin(value = "0.01", message = "must be a positive amount") @Digits(integer = 10, fraction = 2) BigDecimal fixedAmount,
        @Valid PadAgreement padAgreement) {
}
