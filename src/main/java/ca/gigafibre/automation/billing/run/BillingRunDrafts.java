package ca.gigafibre.automation.billing.run;

import ca.gigafibre.automation.billing.DefaultPriceList;
import ca.gigafibre.automation.billing.invoice.InvoiceDraft;
import ca.gigafibre.automation.billing.invoice.InvoiceLine;
import ca.gigafibre.automation.billing.subscription.BillableSubscription;
import ca.gigafibre.automation.billing.subscription.ListPrices;
import ca.gigafibre.automation.billing.subscription.SubscriptionCharges;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a billing run of a period bills, computed and not written: one invoice draft per account with something due —
 * each subscription from the day after it was billed through to the end of the period (catch-up lines carry their
 * dates), credits for cancelled days already billed, list prices per term ({@link ListPrices}) — and the day each
 * subscription is then billed through. The real run writes it; a shadow run compares it with ERPNext's invoices.
 */
@Component
public class BillingRunDrafts {

    /** The drafts of a run and the billed-through days it moves on to. */
    public record Computed(List<InvoiceDraft> drafts, List<BilledThrough> billedThrough) {
    }

    /** A subscription billed through {@code day} once the run's invoices are written. */
    public record BilledThrough(long subscriptionId, LocalDate day) {
    }

    private final JdbcClient jdbc;
    private final DefaultPriceList erpnext;

    public BillingRunDrafts(JdbcClient jdbc, DefaultPriceList erpnext) {
        this.jdbc = jdbc;
        this.erpnext = erpnext;
    }

    /**
     * @param runId the real run being written (its accounts already invoiced are skipped, their drafts carry it), or null
     *              for a computation that writes nothing (shadow)
     */
    public Computed compute(YearMonth period, Long runId) {
        LocalDate first = period.atDay(1);
        LocalDate last = period.atEndOfMonth();
        List<BillableSubscription> subscriptions = jdbc.sql("""
                SELECT s.id, s.customer_id, p.sku, p.name_fr, s.quantity, s.unit_price, s.billing_frequency, s.start_date, s.end_date,
                       s.billed_through, s.price_from_list, c.default_price_list
                FROM automation.subscription s
                JOIN automation.plan p ON p.id = s.plan_id
                JOIN automation.customer c ON c.id = s.customer_id
                WHERE c.status IN ('active', 'suspended') AND s.status IN ('active', 'suspended', 'cancelled') AND s.start_date <= :last
                  AND ((s.billed_through IS NULL AND (s.end_date IS NULL OR s.end_date >= s.start_date))
                       OR (s.billing_frequency <> 'one-time' AND s.billed_through < least(coalesce(s.end_date, :last), :last))
                       OR s.end_date < s.billed_through)
                  AND NOT exists(SELECT 1 FROM automation.invoice i WHERE i.customer_id = s.customer_id AND i.billing_run_id = :run)
                ORDER BY s.customer_id, s.id
                """).param("last", last).param("run", runId == null ? -1L : runId)
                .query((rs, n) -> new BillableSubscription(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getBigDecimal(6), rs.getString(7), rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class),
                        rs.getObject(10, LocalDate.class), rs.getBoolean(11), rs.getString(12)))
                .list();
        ListPrices prices = ListPrices.load(jdbc, erpnext.defaultPriceList());
        Map<Long, List<InvoiceLine>> linesByCustomer = new LinkedHashMap<>();
        List<BilledThrough> billedThrough = new ArrayList<>();
        for (BillableSubscription s : subscriptions) {
            SubscriptionCharges.Due due = SubscriptionCharges.at(s, period, (from, to) -> billed(s.id(), from, to), prices);
            for (SubscriptionCharges.Line l : due.lines()) {
                linesByCustomer.computeIfAbsent(s.customerId(), k -> new ArrayList<>()).add(InvoiceLine.forSubscription(s, l));
            }
            if (due.billedThrough() != null && !due.billedThrough().equals(s.billedThrough())) {
                billedThrough.add(new BilledThrough(s.id(), due.billedThrough()));
            }
        }
        List<InvoiceDraft> drafts = new ArrayList<>(linesByCustomer.size());
        linesByCustomer.forEach((customer, lines) -> {
            InvoiceDraft draft = InvoiceDraft.of(customer, first, lines).forPeriod(first, last);
            drafts.add(runId == null ? draft : draft.inRun(runId));
        });
        return new Computed(drafts, billedThrough);
    }

    /** What was already billed to a subscription for days inside {@code from}..{@code to} (for credits). */
    private BigDecimal billed(long subscriptionId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT coalesce(sum(amount), 0) FROM automation.invoice_line
                WHERE subscription_id = :id AND period_start >= :from AND period_end <= :to
                """).param("id", subscriptionId).param("from", from).param("to", to).query(BigDecimal.class).single();
    }
}
