package ca.gigafibre.automation.erpnext.shadow;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One line of a drifting customer's invoice: ERPNext's invoice name ({@code document}; null on the engine's side), what and how much. */
public record DriftLine(String document, String sku, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount,
                        LocalDate from, LocalDate to) {

    /** For a CSV cell: "INT-500 × 1 @ 79.95 = 79.95 (2026-01-01..2026-01-31)". */
    String text() {
        return (document == null ? "" : document + ": ") + sku + " × " + quantity.stripTrailingZeros().toPlainString() + " @ "
                + unitPrice.toPlainString() + " = " + amount.toPlainString() + (from == null ? "" : " (" + from + ".." + to + ")");
    }
}
