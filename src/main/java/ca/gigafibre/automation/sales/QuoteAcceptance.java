package ca.gigafibre.automation.sales;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/quotes/{id}/accept}: the customer accepted without DocuSeal — who, how, and a note. */
public record QuoteAcceptance(
        @NotBlank @Size(max = 200) String acceptedBy,
        @Pattern(regexp = "^(phone|in-person)$", message = "must be phone or in-person") String method,
        @Size(max = 2000) String note) {
}
