package ca.gigafibre.automation.billing.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Quebec sales taxes on an invoice: TPS (GST) 5 % and TVQ (QST) 9.975 %, both on the subtotal before taxes
 * (QST is not charged on GST since 2013), each rounded once per invoice to the cent, half up.
 */
public record QuebecTaxes(BigDecimal subtotal, BigDecimal tps, BigDecimal tvq) {

    public static final BigDecimal TPS_RATE = new BigDecimal("0.05");
    public static final BigDecimal TVQ_RATE = new BigDecimal("0.09975");

    public static QuebecTaxes on(BigDecimal subtotal) {
        BigDecimal base = subtotal.setScale(2, RoundingMode.HALF_UP);
        return new QuebecTaxes(base,
                base.multiply(TPS_RATE).setScale(2, RoundingMode.HALF_UP),
                base.multiply(TVQ_RATE).setScale(2, RoundingMode.HALF_UP));
    }

    public BigDecimal total() {
        return subtotal.add(tps).add(tvq);
    }
}
