package ca.gigafibre.automation.billing.invoice;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;

/** {@code POST /api/invoices}: a manual invoice; issue and due dates may be in the past. */
public record NewInvoice(
        @NotBlank String customerId,
        @NotNull LocalDate issueDate,
        @NotNull LocalDate dueDate,
        @NotEmpty @Valid List<NewInvoiceLine> lines) {
}
