package ca.gigafibre.automation.erpnext.reconcile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The engine's side of the reconciliation: its own invoices, credit notes and payments (those without {@code erp_name},
 * which came from ERPNext and are never posted back), by id — issued or received in a date window, or with given ids.
 * An invoice's outstanding amount is what is still owed on an open one (none on a credit note).
 */
@Component
class EngineLedgerDocuments {

    private static final String INVOICES = """
            SELECT invoice_no, total, CASE WHEN total <= 0 THEN NULL
                                           WHEN status IN ('open', 'payment-pending') THEN total - amount_paid ELSE 0 END
            FROM automation.invoice WHERE erp_name IS NULL AND status <> 'draft' AND
            """;
    private static final String PAYMENTS = """
            SELECT payment_no, amount, NULL FROM automation.payment WHERE erp_name IS NULL AND
            """;

    private final JdbcClient jdbc;

    EngineLedgerDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, LedgerDocument> invoicesBetween(LocalDate since, LocalDate until) {
        return query(INVOICES + "issue_date BETWEEN :since AND :until", Map.of("since", since, "until", until));
    }

    Map<String, LedgerDocument> invoices(Collection<String> ids) {
        return ids.isEmpty() ? new HashMap<>() : query(INVOICES + "invoice_no IN (:ids)", Map.of("ids", ids));
    }

    Map<String, LedgerDocument> paymentsBetween(LocalDate since, LocalDate until) {
        return query(PAYMENTS + "(received_at AT TIME ZONE 'America/Montreal')::date BETWEEN :since AND :until",
                Map.of("since", since, "until", until));
    }

    Map<String, LedgerDocument> payments(Collection<String> ids) {
        return ids.isEmpty() ? new HashMap<>() : query(PAYMENTS + "payment_no IN (:ids)", Map.of("ids", ids));
    }

    private Map<String, LedgerDocument> query(String sql, Map<String, ?> params) {
        Map<String, LedgerDocument> documents = new HashMap<>();
        jdbc.sql(sql).params(params).query(rs -> {
            documents.put(rs.getString(1), new LedgerDocument(rs.getString(1), null, rs.getBigDecimal(2), (BigDecimal) rs.getBigDecimal(3)));
        });
        return documents;
    }
}
