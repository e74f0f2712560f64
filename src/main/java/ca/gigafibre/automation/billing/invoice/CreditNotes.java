package ca.gigafibre.automation.billing.invoice;

import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credits what is still open on an invoice and closes the invoice with it: the {@link InvoiceWriter} writes the credit
 * note, an invoice row with a negative line that names the invoice it credits ({@code credit_note_for}), its taxes in the invoice's proportions, and
 * {@code paid} like the billing run's credit notes (nothing left to collect). One per invoice (unique index): a retry
 * finds the first one. The invoice is re-read and locked first, so only an invoice still open is credited.
 */
@Component
public class CreditNotes {

    /** The credit note written for one invoice. */
    public record Written(String invoiceNo, String creditNoteNo, BigDecimal amount) {
    }

    private final JdbcClient jdbc;
    private final InvoiceWriter writer;

    public CreditNotes(JdbcClient jdbc, InvoiceWriter writer) {
        this.jdbc = jdbc;
        this.writer = writer;
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
        writer.writeCreditNote(new InvoiceWriter.CreditNote(invoice.customerId(), invoice.id(),
                descriptionFr + " " + invoiceNo + " / " + descriptionEn + " " + invoiceNo, invoice.open(), invoice.tps(), invoice.tvq(),
                invoice.total()));
        jdbc.sql("UPDATE automation.invoice SET status = :status WHERE id = :id").param("status", closedAs).param("id", invoice.id()).update();
        String creditNoteNo = jdbc.sql("SELECT invoice_no FROM automation.invoice WHERE credit_note_for = :id").param("id", invoice.id())
                .query(String.class).single();
        return Optional.of(new Written(invoiceNo, creditNoteNo, invoice.open()));
    }

    private record Open(long id, long customerId, BigDecimal tps, BigDecimal tvq, BigDecimal total, BigDecimal open) {
    }
}
