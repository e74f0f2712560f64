package ca.gigafibre.automation.sales;

import ca.gigafibre.automation.customer.NewLocation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code POST /api/quotes}: a quote for a customer at an existing service location ({@code locationId}) or a new address
 * ({@code location}), with one-time lines (matériel) and recurring lines (mensuel, annuel). The lines are checked by
 * {@link QuoteService} so a problem names the line: {@code lines[2].sku}.
 */
public record NewQuote(
        @NotBlank String customerId,
        String locationId,
        @Valid NewLocation location,
        @Pattern(regexp = "^(residential|commercial)$", message = "must be residential or commercial") String type,
        @Size(max = 10000) String terms,
        @Size(max = 64) String po,
        List<Line> lines) {

    /** One line; description, unit price and frequency default from the plan catalogue (the SKU's plan). */
    public record Line(String sku, String description, Integer quantity, java.math.BigDecimal unitPrice, String frequency) {
    }
}
