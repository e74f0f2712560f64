package ca.gigafibre.automation.billing.invoice;

import ca.gigafibre.automation.billing.DefaultPriceList;
import ca.gigafibre.automation.billing.subscription.ListPrices;
import ca.gigafibre.automation.billing.subscription.BillableSubscription;
import ca.gigafibre.automation.billing.subscription.SubscriptionCharges;
import ca.gigafibre.automation.platform.audit.AuditLog;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first invoice of newly activated subscriptions: one-time items in full, monthly plans pro rata from the activation
 * day to the end of its month, annual plans for their first year — the same arithmetic as the billing run
 * ({@link SubscriptionCharges}), so the next run bills from the day after and nothing is billed twice or lost. A
 * subscription priced from the lists ({@code price_from_list}) pays its list's price as the run would ({@link ListPrices}).
 */
@Service
public class FirstInvoices {

    private final JdbcClient jdbc;
    private final InvoiceWriter writer;
    private final InvoiceService invoices;
    private final AuditLog audit;
    private final DefaultPriceList priceList;

    public FirstInvoices(JdbcClient jdbc, InvoiceWriter writer, InvoiceService invoices, AuditLog audit, DefaultPriceList priceList) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.invoices = invoices;
        this.audit = audit;
        this.priceList = priceList;
    }

    /** @return the invoice id (INV-…); its {@code billing-collections} is started with it when something is owed */
    @Transactional
    public String issue(long customerId, List<Long> subscriptionIds, LocalDate activation, String reason) {
        List<BillableSubscription> subscriptions = jdbc.sql("""
                SELECT s.id, s.customer_id, p.sku, p.name_fr, s.quantity, s.unit_price, s.billing_frequency, s.start_date, s.end_date,
                       s.billed_through, s.price_from_list, c.default_price_list
                FROM automation.subscription s JOIN automation.plan p ON p.id = s.plan_id JOIN automation.customer c ON c.id = s.customer_id
                WHERE s.id IN (:ids) AND s.billed_through IS NULL ORDER BY s.id
                """).param("ids", subscriptionIds)
                .query((rs, n) -> new BillableSubscription(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getBigDecimal(6), rs.getString(7), rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class),
                        rs.getObject(10, LocalDate.class), rs.getBoolean(11), rs.getString(12)))
                .list();
        YearMonth period = YearMonth.from(activation);
        ListPrices prices = ListPrices.load(jdbc, priceList.defaultPriceList(),
                subscriptions.stream().filter(BillableSubscription::priceFromList).map(BillableSubscription::sku).distinct().toList());
        List<InvoiceLine> lines = new ArrayList<>();
        for (BillableSubscription s : subscriptions) {
            SubscriptionCharges.Due due = SubscriptionCharges.at(s, period, (from, to) -> BigDecimal.ZERO, prices);
            due.lines().forEach(l -> lines.add(InvoiceLine.forSubscription(s, l)));
            jdbc.sql("UPDATE automation.subscription SET billed_through = :through WHERE id = :id")
                    .param("through", due.billedThrough()).param("id", s.id()).update();
        }
        InvoiceWriter.Written written = writer.write(InvoiceDraft.of(customerId, activation, lines).forPeriod(activation, period.atEndOfMonth()));
        InvoiceView invoice = invoices.get(written.id());
        audit.record("invoice.created", "invoice", invoice.id(), reason, Map.of("total", invoice.total(), "subscriptions", subscriptionIds));
        return invoice.id();
    }
}
