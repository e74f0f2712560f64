package ca.gigafibre.automation.collections.suspension;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * {@code POST /api/customers/{id}/suspension}: why staff ask for it (one of the four reasons the rules know), a note kept
 * with the suspension, and for a customer's request the day it takes effect (today when absent; never in the past).
 */
public record SuspensionRequest(
        @NotBlank @Pattern(regexp = "non-payment|customer-request|abuse|fraud", message = "must be one of non-payment, customer-request, abuse, fraud")
        String reason,
        @Size(max = 2000) String note,
        LocalDate effectiveDate) {
}
