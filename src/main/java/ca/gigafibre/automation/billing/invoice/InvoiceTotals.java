package ca.gigafibre.automation.billing.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Subtotal and Quebec taxes of an invoice. Taxes are computed once on the taxable lines' sum ({@link QuebecTaxes}), lines
 * outside the tax base are added as they are. A credit note instead takes the taxes of the invoice it credits, in the
 * proportion still open, so it cancels exactly what is owed.
 */
public record InvoiceTotals(BigDecimal subtotal, BigDecimal tps, BigDecimal tvq) {

    public static InvoiceTotals of(List<InvoiceLine> lines) {
        BigDecimal taxable = BigDecimal.ZERO;
        BigDecimal untaxed = BigDecimal.ZERO;
        for (InvoiceLine line : lines) {
            if (line.taxable()) {
                taxable = taxable.add(line.amount());
            } else {
                untaxed = untaxed.add(line.amount());
            }
        }
        QuebecTaxes taxes = QuebecTaxes.on(taxable);
        return new InvoiceTotals(taxes.subtotal().add(untaxed).setScale(2, RoundingMode.HALF_UP), taxes.tps(), taxes.tvq());
    }

    /**
     * The (negative) totals of a credit note for {@code open} of an invoice whose taxes and total were {@code invoiceTps},
     * {@code invoiceTvq}, {@code invoiceTotal}: all its taxes when nothing was paid, else their share of what is open.
     */
    public static InvoiceTotals creditFor(BigDecimal open, BigDecimal invoiceTps, BigDecimal invoiceTvq, BigDecimal invoiceTotal) {
        BigDecimal tps = share(open, invoiceTps, invoiceTotal);
        BigDecimal tvq = share(open, invoiceTvq, invoiceTotal);
        return new InvoiceTotals(open.subtract(tps).subtract(tvq).negate(), tps.negate(), tvq.negate());
    }

    private static BigDecimal share(BigDecimal open, BigDecimal tax, BigDecimal total) {
        return open.compareTo(total) == 0 ? tax : tax.multiply(open).divide(total, 2, RoundingMode.HALF_UP);
    }

    public BigDecimal total() {
        return subtotal.add(tps).add(tvq);
    }

    /** Nothing to collect on a zero or negative invoice. */
    public String status() {
        return total().signum() <= 0 ? "paid" : "open";
    }
}
