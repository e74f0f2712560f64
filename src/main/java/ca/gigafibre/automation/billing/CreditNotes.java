package ca.gigafibre.automation.billing;

import ca.gigafibre.automation.platform.time.BusinessTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a credit note for what is still open on an invoice and closes the invoice with it: an invoice row with a
 * negative line that names the invoice it credits ({@code credit_note_for}), its taxes in the invoice's proportions, and
 * {@code paid} like the billing run's credit notes (nothing left to collect). One per invoice (unique index): a retry
 * finds the first one. The invoice is re-read and locked first, so only an invoice still open is credited.
 */
@Component
public class CreditNotes {

    /** The credit note written for one invoice. */
    public record Written(String invoiceNo, String creditNoteNo, BigDecimal amount) {
    }

    private final JdbcClient jdbc;

    public CreditNotes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param closedAs the status the credited invoice ends in (e.g. {@code written-off})
     * @return empty when the invoice is no longer open (paid, pending or credited meanwhile)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Written> creditOpenPart(String invoiceNo, String closedAs, String descriptionFr, String descriptionEn) {
        Optional<Open> found = jdbc.sql("""
                SELECT id, customer_id, tps, tvq, total, total - amount_paid FROM automation.invoice
                WHERE invoice_no = :no AND status = 'open' FOR UPDATE
                """).param("no", invoiceNo)
                .query((rs, n) -> new Open(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                        rs.getBigDecimal(6))).optional();
        if (found.isEmpty() || found.get().open().signum() <= 0) {
            return Optional.empty();
        }
        Open invoice = found.get();
        BigDecimal tps = invoice.share(invoice.tps());
        BigDecimal tvq = invoice.share(invoice.tvq());
        BigDecimal subtotal = invoice.open().subtract(tps).subtract(tvq);
        LocalDate today = BusinessTime.today();
        Optional<Long> creditNote = jdbc.sql("""
                INSERT INTO automation.invoice (customer_id, issue_date, due_date, subtotal, tps, tvq, total, status, credit_note_for)
                VALUES (:customer, :today, :today, :subtotal, :tps, :tvq, :total, 'paid', :credited)
                ON CONFLICT (credit_note_for) WHERE credit_note_for IS NOT NULL DO NOTHING RETURNING id
                """).param("customer", invoice.customerId()).param("today", today).param("subtotal", subtotal.negate())
                .param("tps", tps.negate()).param("tvq", tvq.negate()).param("total", invoice.open().negate()).param("credited", invoice.id())
                .query(Long.class).optional();
        creditNote.ifPresent(id -> jdbc.sql("""
                INSERT INTO automation.invoice_line (invoice_id, line_no, sku, description, quantity, unit_price, amount)
                VALUES (:id, 1, 'CREDIT-NOTE', :description, 1, :amount, :amount)
                """).param("id", id).param("description", descriptionFr + " " + invoiceNo + " / " + descriptionEn + " " + invoiceNo)
                .param("amount", subtotal.negate()).update());
        jdbc.sql("UPDATE automation.invoice SET status = :status WHERE id = :id").param("status", closedAs).param("id", invoice.id()).update();
        String creditNoteNo = jdbc.sql("SELECT invoice_no FROM automation.invoice WHERE credit_note_for = :id").param("id", invoice.id())
                .query(String.class).single();
        return Optional.of(new Written(invoiceNo, creditNoteNo, invoice.open()));
    }

    private record Open(long id, long customerId, BigDecimal tps, BigDecimal tvq, BigDecimal total, BigDecimal open) {
        /** This tax in the proportion of the invoice still open (all of it when nothing was paid). */
        BigDecimal share(BigDecimal tax) {
            return open.compareTo(total) == 0 ? tax : tax.multiply(open).divide(total, 2, RoundingMode.HALF_UP);
        }
    }
}
