package ca.gigafibre.automation.billing.payment;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.customer.CustomerRef;
import ca.gigafibre.automation.billing.PaymentRecorded;
import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.error.NotFoundException;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a payment once (per idempotency key) and allocates it to the oldest open invoices first. What follows a
 * payment ({@code PaymentReceived} to the invoices' processes, the collections case, reactivation) runs once it is
 * committed ({@link PaymentRecorded}, collections.casework.CollectionsOnPayment).
 */
@Service
public class PaymentService {

    public static final String PAYMENT_RECEIVED = "PaymentReceived";

    private final JdbcClient jdbc;
    private final CustomerRepository customers;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;

    public PaymentService(JdbcClient jdbc, CustomerRepository customers, ApplicationEventPublisher events,
                          AuditLog audit) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.events = events;
        this.audit = audit;
    }

    @Transactional
    public PaymentView record(NewPayment payment, String idempotencyKey) {
        return record(payment, idempotencyKey, null);
    }

    /** @param forInvoice the invoice a pre-authorized charge was made for: paid first, then the oldest others */
    @Transactional
    public PaymentView record(NewPayment payment, String idempotencyKey, String forInvoice) {
        return record(payment, idempotencyKey, forInvoice, null, List.of());
    }

    /** Part of a payment its payer directed to one invoice (a Payment Entry's reference in ERPNext). */
    public record Directed(long invoiceId, BigDecimal amount) {
    }

    /**
     * A payment entered in ERPNext: recorded once (its idempotency key), carrying its ERPNext name so it is never posted
     * back, paid first to the invoices it names for at most the amounts it names, the rest like any payment (oldest
     * first), with every follow-up of {@code POST /api/payments}.
     */
    @Transactional
    public PaymentView record(NewPayment payment, String idempotencyKey, String erpName, List<Directed> directed) {
        return record(payment, idempotencyKey, null, erpName, directed);
    }

    private PaymentView record(NewPayment payment, String idempotencyKey, String forInvoice, String erpName, List<Directed> directed) {
        long customerId = customers.idOf(CustomerNo.of(payment.customerId()), "customerId");
        if (idempotencyKey != null) {
            Optional<Long> seen = jdbc.sql("SELECT id FROM automation.payment WHERE idempotency_key = :key").param("key", idempotencyKey)
                    .query(Long.class).optional();
            if (seen.isPresent()) {
                return view(seen.get(), true);
            }
        }
        OffsetDateTime receivedAt = payment.receivedAt() == null ? BusinessTime.now() : payment.receivedAt();
        long paymentId = jdbc.sql("""
                INSERT INTO automation.payment (customer_id, received_at, amount, method, reference, idempotency_key, erp_name)
                VALUES (:customer, :received, :amount, :method, :reference, :key, :erpName) RETURNING id
                """)
                .param("customer", customerId).param("received", receivedAt).param("amount", payment.amount())
                .param("method", payment.method()).param("reference", payment.reference()).param("key", idempotencyKey)
                .param("erpName", erpName).query(Long.class).single();
        List<String> paid = new ArrayList<>();
        BigDecimal left = payment.amount();
        for (Directed part : directed) {
            BigDecimal allocated = allocateTo(customerId, paymentId, part.invoiceId(), left.min(part.amount()), paid);
            left = left.subtract(allocated);
        }
        paid.addAll(allocate(customerId, paymentId, left, forInvoice, false));
        PaymentView view = view(paymentId, false);
        audit.record("payment.recorded", "payment", view.id(), null, Map.of("customer", payment.customerId(), "amount", payment.amount(),
                "invoicesPaid", paid));
        events.publishEvent(new PaymentRecorded(new CustomerRef(customerId, payment.customerId()), view.id(), paid));
        return view;
    }

    /**
     * Unallocated credit (overpayments, payments made before an invoice existed, less what a processor took back) goes to the account's open invoices,
     * oldest first, so an invoice that credit covers is never charged or chased. Returns the invoices it finished paying.
     */
    @Transactional
    public List<String> applyCredit(long customerId) {
        // the payments' row locks first (the allocation trigger takes them too): a second caller waits, then sees what
        // the first allocated, so one payment's credit is never handed to two invoices
        List<Long> payments = jdbc.sql("""
                SELECT id FROM automation.payment WHERE customer_id = :customer AND reversed_at IS NULL ORDER BY received_at, id FOR UPDATE
                """).param("customer", customerId).query(Long.class).list();
        List<String> paid = new ArrayList<>();
        for (long payment : payments) {
            BigDecimal credit = jdbc.sql("""
                    SELECT p.amount - p.reversed_amount - coalesce((SELECT sum(a.amount) FROM automation.payment_allocation a WHERE a.payment_id = p.id), 0)
                    FROM automation.payment p WHERE p.id = :id
                    """).param("id", payment).query(BigDecimal.class).single();
            if (credit.signum() > 0) {
                paid.addAll(allocate(customerId, payment, credit, null, true));
            }
        }
        return paid;
    }

    /** Accounts that have credit left to apply. */
    public List<Long> accountsWithCredit() {
        return jdbc.sql("""
                SELECT p.customer_id FROM automation.payment p
                LEFT JOIN (SELECT payment_id, sum(amount) AS used FROM automation.payment_allocation GROUP BY payment_id) a ON a.payment_id = p.id
                WHERE p.reversed_at IS NULL GROUP BY p.customer_id HAVING sum(p.amount - p.reversed_amount - coalesce(a.used, 0)) > 0
                """).query(Long.class).list();
    }

    /** At most {@code amount} to one open invoice of the account; returns what it took (nothing when it is not open). */
    private BigDecimal allocateTo(long customerId, long paymentId, long invoiceId, BigDecimal amount, List<String> paid) {
        if (amount.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        Optional<Object[]> open = jdbc.sql("""
                SELECT invoice_no, total - amount_paid FROM automation.invoice
                WHERE id = :id AND customer_id = :customer AND status = 'open' FOR UPDATE
                """).param("id", invoiceId).param("customer", customerId)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getBigDecimal(2)}).optional();
        if (open.isEmpty()) {
            return BigDecimal.ZERO;
        }
        BigDecimal due = (BigDecimal) open.get()[1];
        BigDecimal part = amount.min(due);
        if (part.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        addAllocation(paymentId, invoiceId, part, false);
        if (part.compareTo(due) == 0) {
            paid.add((String) open.get()[0]);
        }
        return part;
    }

    private void addAllocation(long paymentId, long invoiceId, BigDecimal part, boolean fromCredit) {
        jdbc.sql("INSERT INTO automation.payment_allocation (payment_id, invoice_id, amount, from_credit) VALUES (:p, :i, :a, :credit)")
                .param("p", paymentId).param("i", invoiceId).param("a", part).param("credit", fromCredit).update();
        jdbc.sql("""
                UPDATE automation.invoice SET amount_paid = amount_paid + :part,
                    status = CASE WHEN amount_paid + :part >= total THEN 'paid' ELSE status END WHERE id = :id
                """).param("part", part).param("id", invoiceId).update();
    }

    /**
     * Oldest due date first (the charged invoice before all); returns the invoices the payment finished paying.
     *
     * @param fromCredit the payment was recorded earlier and this is what it left on the account (booked as an advance in ERPNext)
     */
    private List<String> allocate(long customerId, long paymentId, BigDecimal amount, String forInvoice, boolean fromCredit) {
        List<Object[]> open = jdbc.sql("""
                SELECT id, invoice_no, total - amount_paid FROM automation.invoice
                WHERE customer_id = :customer AND status = 'open'
                ORDER BY invoice_no IS DISTINCT FROM CAST(:first AS text), due_date, id FOR UPDATE
                """).param("customer", customerId).param("first", forInvoice)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getBigDecimal(3)}).list();
        BigDecimal left = amount;
        List<String> paid = new ArrayList<>();
        for (Object[] invoice : open) {
            if (left.signum() <= 0) {
                break;
            }
            BigDecimal due = (BigDecimal) invoice[2];
            BigDecimal part = left.min(due);
            addAllocation(paymentId, (Long) invoice[0], part, fromCredit);
            if (part.compareTo(due) == 0) {
                paid.add((String) invoice[1]);
            }
            left = left.subtract(part);
        }
        return paid;
    }

    private PaymentView view(long paymentId, boolean replayed) {
        List<PaymentView.Allocation> allocations = jdbc.sql("""
                SELECT i.invoice_no, a.amount, i.status = 'paid' FROM automation.payment_allocation a
                JOIN automation.invoice i ON i.id = a.invoice_id WHERE a.payment_id = :id ORDER BY a.id
                """).param("id", paymentId)
                .query((rs, n) -> new PaymentView.Allocation(rs.getString(1), rs.getBigDecimal(2), rs.getBoolean(3))).list();
        return jdbc.sql("""
                SELECT p.payment_no, c.customer_no, p.amount, p.method, p.reference, p.received_at FROM automation.payment p
                JOIN automation.customer c ON c.id = p.customer_id WHERE p.id = :id
                """).param("id", paymentId)
                .query((rs, n) -> {
                    BigDecimal allocated = allocations.stream().map(PaymentView.Allocation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                    return new PaymentView(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4), rs.getString(5),
                            BusinessTime.read(rs, "received_at"), allocations, rs.getBigDecimal(3).subtract(allocated), replayed);
                })
                .optional().orElseThrow(() -> new NotFoundException("Payment", "#" + paymentId, "id"));
    }
}
