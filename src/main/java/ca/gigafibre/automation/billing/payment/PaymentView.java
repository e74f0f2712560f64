package ca.gigafibre.automation.billing.payment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** A recorded payment and where it went. {@code replayed}: the same Idempotency-Key was seen before; nothing new was written. */
public record PaymentView(String id, String customerId, BigDecimal amount, String method, String reference, OffsetDateTime receivedAt,
                          List<Allocation> allocations, BigDecimal unallocated, boolean replayed) {

    public record Allocation(String invoiceId, BigDecimal amount, boolean invoicePaid) {
    }

    /** This payment went to {@code invoiceNo} and left nothing on it to pay. */
    public boolean paidInFull(String invoiceNo) {
        return allocations.stream().anyMatch(a -> a.invoiceId().equals(invoiceNo) && a.invoicePaid());
    }
}
