package ca.gigafibre.automation.erpnext.shadow;

import java.math.BigDecimal;
import java.util.List;

/**
 * A customer whose period the engine would bill differently from ERPNext: net total (before taxes) and grand total on each
 * side (0 on a side with no invoice), and each side's lines. ERPNext's side nets its returns against their originals.
 */
public record CustomerDrift(String customerId, BigDecimal engineNetTotal, BigDecimal engineGrandTotal, BigDecimal erpNetTotal,
                            BigDecimal erpGrandTotal, List<DriftLine> engineLines, List<DriftLine> erpLines) {

    /** The same as one CSV row: the lines as text, "; " between them. */
    public record Csv(String customerId, BigDecimal engineNetTotal, BigDecimal engineGrandTotal, BigDecimal erpNetTotal,
                      BigDecimal erpGrandTotal, String engineLines, String erpLines) {
    }

    public Csv csv() {
        return new Csv(customerId, engineNetTotal, engineGrandTotal, erpNetTotal, erpGrandTotal, text(engineLines), text(erpLines));
    }

    private static String text(List<DriftLine> lines) {
        return String.join("; ", lines.stream().map(DriftLine::text).toList());
    }
}
