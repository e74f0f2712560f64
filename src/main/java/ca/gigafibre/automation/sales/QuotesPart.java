package ca.gigafibre.automation.sales;

import ca.gigafibre.automation.customer.Customer360Part;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Customer 360's "quotes": the customer's latest quotes with their status (soumissions, between subscriptions and tickets). */
@Component
public class QuotesPart implements Customer360Part {

    private final JdbcClient jdbc;

    public QuotesPart(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record QuoteSummary(String id, LocalDate date, String type, String status, String firstInvoiceId) {
    }

    @Override
    public String key() {
        return "quotes";
    }

    @Override
    public Object describe(long customerId) {
        List<QuoteSummary> quotes = jdbc.sql("""
                SELECT q.quote_no, q.quote_date, q.quote_type, q.status, i.invoice_no FROM automation.quote q
                LEFT JOIN automation.invoice i ON i.id = q.first_invoice_id
                WHERE q.customer_id = :id ORDER BY q.quote_date DESC, q.id DESC LIMIT 20
                """).param("id", customerId)
                .query((rs, n) -> new QuoteSummary(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list();
        return quotes;
    }
}
