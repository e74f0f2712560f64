package ca.gigafibre.automation.sales;

import ca.gigafibre.automation.billing.SubscriptionChanged;
import ca.gigafibre.automation.billing.invoice.FirstInvoices;
import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ActivateQuote}: the service is live, so every line of the quote becomes a subscription starting today (the
 * activation date) at the quoted price — the provisioned internet subscription takes its line's price and quantity —
 * and the first invoice bills the one-time lines and the first (pro-rated) period. Runs once per quote: the quote's
 * {@code activated_at} is set by the same statement that claims it.
 */
@Component("activateQuote")
public class ActivateQuote implements JavaDelegate {

    private final JdbcClient jdbc;
    private final FirstInvoices firstInvoices;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    public ActivateQuote(JdbcClient jdbc, FirstInvoices firstInvoices, AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.firstInvoices = firstInvoices;
        this.audit = audit;
        this.events = events;
    }

    private record QuoteLine(long id, String sku, int quantity, java.math.BigDecimal unitPrice, String frequency, boolean provisioned) {
    }

    @Override
    public void execute(DelegateExecution execution) {
        String quoteNo = execution.getProcessBusinessKey();
        LocalDate activation = BusinessTime.today();
        List<long[]> claimed = jdbc.sql("""
                UPDATE automation.quote SET activated_at = now() WHERE quote_no = :no AND activated_at IS NULL
                RETURNING id, customer_id, location_id
                """).param("no", quoteNo).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).list();
        if (claimed.isEmpty()) {
            return;
        }
        long quoteId = claimed.get(0)[0];
        long customerId = claimed.get(0)[1];
        long locationId = claimed.get(0)[2];
        String provisionedSubscription = (String) execution.getVariable("subscriptionId");
        List<QuoteLine> lines = jdbc.sql("""
                SELECT l.id, l.sku, l.quantity::int, l.unit_amount, l.kind, p.download_mbps IS NOT NULL FROM automation.quote_line l
                JOIN automation.plan p ON p.sku = l.sku WHERE l.quote_id = :id ORDER BY coalesce(l.line_no, 0), l.id
                """).param("id", quoteId)
                .query((rs, n) -> new QuoteLine(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getBigDecimal(4), rs.getString(5), rs.getBoolean(6)))
                .list();
        List<Long> subscriptions = new ArrayList<>();
        boolean provisionedTaken = false;
        for (QuoteLine line : lines) {
            if (line.provisioned() && provisionedSubscription != null && !provisionedTaken) {
                provisionedTaken = true;
                subscriptions.add(jdbc.sql("""
                        UPDATE automation.subscription SET start_date = :start, unit_price = :price, quantity = :quantity,
                            billing_frequency = :frequency, status = 'active'
                        WHERE subscription_no = :no RETURNING id
                        """).param("start", activation).param("price", line.unitPrice()).param("quantity", line.quantity())
                        .param("frequency", line.frequency()).param("no", provisionedSubscription).query(Long.class).single());
                events.publishEvent(SubscriptionChanged.status(provisionedSubscription));
                continue;
            }
            subscriptions.add(createdSubscription(jdbc.sql("""
                    INSERT INTO automation.subscription (customer_id, location_id, plan_id, quantity, unit_price, billing_frequency, status, start_date)
                    SELECT :customer, :location, p.id, :quantity, :price, :frequency, 'active', :start FROM automation.plan p WHERE p.sku = :sku
                    RETURNING id
                    """).param("customer", customerId).param("location", locationId).param("quantity", line.quantity())
                    .param("price", line.unitPrice()).param("frequency", line.frequency()).param("start", activation).param("sku", line.sku())
                    .query(Long.class).single()));
        }
        jdbc.sql("UPDATE automation.customer SET status = 'active' WHERE id = :id AND status = 'inactive'").param("id", customerId).update();
        String invoice = firstInvoices.issue(customerId, subscriptions, activation, "first invoice of " + quoteNo);
        jdbc.sql("""
                UPDATE automation.quote SET status = 'active', first_invoice_id = (SELECT id FROM automation.invoice WHERE invoice_no = :invoice)
                WHERE id = :id
                """).param("invoice", invoice).param("id", quoteId).update();
        execution.setVariable("firstInvoiceId", invoice);
        audit.record("quote.activated", "quote", quoteNo, null, Map.of("invoice", invoice, "subscriptions", subscriptions.size()));
    }

    private long createdSubscription(long id) {
        events.publishEvent(SubscriptionChanged.created(id));
        return id;
    }
}
