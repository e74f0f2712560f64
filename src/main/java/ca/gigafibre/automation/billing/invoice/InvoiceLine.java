package ca.gigafibre.automation.billing.invoice;

import ca.gigafibre.automation.billing.subscription.BillableSubscription;
import ca.gigafibre.automation.billing.subscription.SubscriptionCharges;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of an invoice as the {@link InvoiceWriter} writes it. {@code amount} is stated rather than always
 * quantity × unit price, because a pro-rata subscription line bills part of a month at the monthly price.
 * {@code taxable} lines carry TPS/TVQ; the others (a returned-payment fee) are billed as they are.
 */
public record InvoiceLine(String sku, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount,
                          boolean taxable, LocalDate periodStart, LocalDate periodEnd, Long subscriptionId, String frequency) {

    public InvoiceLine {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(frequency, "frequency");
    }

    /** A taxable one-time line: quantity × unit price, rounded to the cent. */
    public static InvoiceLine of(String sku, String description, BigDecimal quantity, BigDecimal unitPrice) {
        return new InvoiceLine(sku, description, quantity, unitPrice, quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP),
                true, null, null, null, "one-time");
    }

    /** A single line outside the tax base (fees). */
    public static InvoiceLine untaxed(String sku, String description, BigDecimal amount) {
        return new InvoiceLine(sku, description, BigDecimal.ONE, amount, amount, false, null, null, null, "one-time");
    }

    /** A subscription's charge (or credit) for the days {@code line.from()}..{@code line.to()}. */
    public static InvoiceLine forSubscription(BillableSubscription s, SubscriptionCharges.Line line) {
        return new InvoiceLine(s.sku(), line.note() == null ? s.description() : s.description() + " — " + line.note(), line.quantity(),
                line.unitPrice(), line.amount(), true, line.from(), line.to(), s.id(), s.frequency());
    }
}
