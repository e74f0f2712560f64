package ca.gigafibre.automation.billing.reversal;

import ca.gigafibre.automation.billing.ReversalApplied;
import ca.gigafibre.automation.billing.payment.PaymentService;
import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Money a processor took back from a payment (refund, dispute, bank return) or gave back (dispute won), by amount: each
 * event is a {@code payment_reversal} row. Taking back X first uses what the payment left as credit, then undoes its
 * allocations for the rest, newest invoice first; an invoice is open again only when it is no longer fully paid. Giving
 * back makes the amount the payment's again, and the account's credit pays its open invoices (so does any credit the
 * account has when a reversal reopens an invoice). Money taken back from an invoice closed meanwhile without it (written
 * off, cancelled) is not lost with it: the rules say what is owed again ({@link ReversalDebits}). An event for a payment not
 * booked yet waits for it ({@link #applyWaiting(String)} when the payment is booked). Each event once (its id is unique).
 */
@Service
public class PaymentReversals {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final PaymentService payments;
    private final ApplicationEventPublisher events;
    private final ReversalDebits debits;

    public PaymentReversals(JdbcClient jdbc, AuditLog audit, PaymentService payments, ApplicationEventPublisher events, ReversalDebits debits) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.payments = payments;
        this.events = events;
        this.debits = debits;
    }

    /** What an event did: the amount applied now (negative: given back), the invoices it reopened, the accounts concerned. */
    public record Applied(BigDecimal amount, List<String> invoicesReopened, Set<Long> customers, boolean waiting) {

        static Applied waitingForPayment() {
            return new Applied(BigDecimal.ZERO, List.of(), Set.of(), true);
        }
    }

    /**
     * @param kind           refund, dispute, dispute-won, return, or cancelled (a Payment Entry cancelled in ERPNext)
     * @param sourceRef      the refunded charge, the dispute, the return
     * @param reportedAmount refunds: the total refunded so far on that charge; disputes: the disputed amount; returns: the
     *                       payment's amount
     */
    @Transactional
    public Applied record(String eventId, String processorRef, String kind, String sourceRef, BigDecimal reportedAmount, String reason) {
        jdbc.sql("""
                INSERT INTO automation.payment_reversal (event_id, processor_ref, source_ref, kind, reported_amount, reason, received_at)
                VALUES (:event, :ref, :source, :kind, :amount, :reason, :now) ON CONFLICT (event_id) DO NOTHING
                """).param("event", eventId).param("ref", processorRef).param("source", sourceRef).param("kind", kind)
                .param("amount", reportedAmount).param("reason", reason).param("now", BusinessTime.now()).update();
        return applyWaiting(processorRef);
    }

    /** Applies, in arrival order, the events waiting for the payment of this processor reference, if it is booked now. */
    @Transactional
    public Applied applyWaiting(String processorRef) {
        Optional<Payment> found = jdbc.sql("""
                SELECT id, customer_id, amount FROM automation.payment WHERE reference = :ref ORDER BY id LIMIT 1 FOR UPDATE
                """).param("ref", processorRef).query((rs, n) -> new Payment(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3))).optional();
        if (found.isEmpty()) {
            return Applied.waitingForPayment();
        }
        Payment payment = found.get();
        List<Waiting> waiting = jdbc.sql("""
                SELECT id, kind, source_ref, reported_amount, reason FROM automation.payment_reversal
                WHERE processor_ref = :ref AND applied_at IS NULL ORDER BY id FOR UPDATE SKIP LOCKED
                """).param("ref", processorRef)
                .query((rs, n) -> new Waiting(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getString(5))).list();
        BigDecimal total = BigDecimal.ZERO;
        Set<String> reopened = new LinkedHashSet<>();
        for (Waiting event : waiting) {
            BigDecimal amount = amountOf(event, payment);
            List<ReversalDebits.ClosedPart> closed = new ArrayList<>();
            if (amount.signum() > 0) {
                reopened.addAll(takeBack(payment, amount, closed));
            }   // given back (a dispute won): lowering reversed_amount below makes it the payment's credit again
            jdbc.sql("UPDATE automation.payment_reversal SET payment_id = :payment, amount = :amount, applied_at = :now WHERE id = :id")
                    .param("payment", payment.id()).param("amount", amount).param("now", BusinessTime.now()).param("id", event.id()).update();
            events.publishEvent(new ReversalApplied(event.id()));
            jdbc.sql("""
                    UPDATE automation.payment SET reversed_amount = reversed_amount + :amount,
                        reversed_at = CASE WHEN reversed_amount + :amount = amount THEN coalesce(reversed_at, CAST(:now AS timestamptz)) END,
                        reversal_reason = CASE WHEN :amount > 0 THEN :reason ELSE reversal_reason END
                    WHERE id = :id
                    """).param("amount", amount).param("now", BusinessTime.now()).param("reason", event.kind() + ": " + event.reason())
                    .param("id", payment.id()).update();
            // billed once the payment no longer holds the money taken back, so its credit cannot pay the debit
            debits.bill(event.id(), payment.customerId(), event.kind(), closed);
            total = total.add(amount);
            audit.record("payment." + (amount.signum() < 0 ? "restored" : "reversed"), "payment", processorRef, event.kind() + ": " + event.reason(),
                    Map.of("amount", amount, "invoicesReopened", List.copyOf(reopened)));
        }
        if (!waiting.isEmpty()) {
            // credit on the account (or what a dispute won gave back) pays what is open again
            payments.applyCredit(payment.customerId());
        }
        return new Applied(total, List.copyOf(reopened), Set.of(payment.customerId()), false);
    }

    /** Processor references with events still waiting whose payment is booked now (the safety net of the reconciler). */
    public List<String> waitingWithPayment() {
        return jdbc.sql("""
                SELECT DISTINCT r.processor_ref FROM automation.payment_reversal r
                WHERE r.applied_at IS NULL AND EXISTS (SELECT 1 FROM automation.payment p WHERE p.reference = r.processor_ref)
                """).query(String.class).list();
    }

    /**
     * How much this event takes back now, bounded by what the payment still holds (or, given back, by what was taken):
     * a refund event carries the total refunded so far, so only the part not yet reversed for that charge counts; a
     * dispute takes its amount once per dispute; a dispute won gives back what that dispute took; a return takes all.
     */
    private BigDecimal amountOf(Waiting event, Payment payment) {
        BigDecimal alreadyForSource = jdbc.sql("""
                SELECT coalesce(sum(amount), 0) FROM automation.payment_reversal
                WHERE payment_id = :payment AND source_ref = :source AND applied_at IS NOT NULL
                """).param("payment", payment.id()).param("source", event.sourceRef()).query(BigDecimal.class).single();
        BigDecimal reversed = jdbc.sql("SELECT reversed_amount FROM automation.payment WHERE id = :id").param("id", payment.id())
                .query(BigDecimal.class).single();
        BigDecimal wanted = switch (event.kind()) {
            case "refund", "dispute" -> event.reportedAmount().subtract(alreadyForSource);
            case "dispute-won" -> alreadyForSource.negate();
            default -> payment.amount();
        };
        return wanted.min(payment.amount().subtract(reversed)).max(reversed.negate());
    }

    /**
     * Unallocated credit of the payment first, then its allocations, newest invoice first; returns the invoices reopened and
     * adds to {@code closed} what was taken from invoices that stay closed without it (written off, cancelled).
     */
    private List<String> takeBack(Payment payment, BigDecimal amount, List<ReversalDebits.ClosedPart> closed) {
        BigDecimal unallocated = jdbc.sql("""
                SELECT p.amount - p.reversed_amount - coalesce((SELECT sum(a.amount) FROM automation.payment_allocation a WHERE a.payment_id = p.id), 0)
                FROM automation.payment p WHERE p.id = :id
                """).param("id", payment.id()).query(BigDecimal.class).single();
        BigDecimal left = amount.subtract(unallocated.max(BigDecimal.ZERO));
        List<String> reopened = new ArrayList<>();
        if (left.signum() <= 0) {
            return reopened;
        }
        record Allocation(long id, long invoiceId, String invoiceNo, BigDecimal amount) {
        }
        List<Allocation> allocations = jdbc.sql("""
                SELECT a.id, i.id, i.invoice_no, a.amount FROM automation.payment_allocation a JOIN automation.invoice i ON i.id = a.invoice_id
                WHERE a.payment_id = :payment ORDER BY i.issue_date DESC, i.id DESC, a.id DESC FOR UPDATE OF a, i
                """).param("payment", payment.id())
                .query((rs, n) -> new Allocation(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBigDecimal(4))).list();
        for (Allocation allocation : allocations) {
            if (left.signum() <= 0) {
                break;
            }
            BigDecimal part = left.min(allocation.amount());
            if (part.compareTo(allocation.amount()) == 0) {
                jdbc.sql("DELETE FROM automation.payment_allocation WHERE id = :id").param("id", allocation.id()).update();
            } else {
                jdbc.sql("UPDATE automation.payment_allocation SET amount = amount - :part WHERE id = :id").param("part", part)
                        .param("id", allocation.id()).update();
            }
            String status = jdbc.sql("""
                    UPDATE automation.invoice SET amount_paid = amount_paid - :part,
                        status = CASE WHEN status = 'paid' AND amount_paid - :part < total THEN 'open' ELSE status END
                    WHERE id = :id RETURNING status
                    """).param("part", part).param("id", allocation.invoiceId()).query(String.class).single();
            if ("open".equals(status)) {
                reopened.add(allocation.invoiceNo());
            } else if ("written-off".equals(status) || "cancelled".equals(status)) {
                closed.add(new ReversalDebits.ClosedPart(allocation.invoiceId(), allocation.invoiceNo(), status, part));
            }
            left = left.subtract(part);
        }
        return reopened;
    }

    private record Payment(long id, long customerId, BigDecimal amount) {
    }

    private record Waiting(long id, String kind, String sourceRef, BigDecimal reportedAmount, String reason) {
    }
}
