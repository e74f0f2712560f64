package ca.gigafibre.automation.billing.invoice;

import ca.gigafibre.automation.notification.Bilingual;
import ca.gigafibre.automation.notification.CustomerMessages;
import ca.gigafibre.automation.platform.text.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The invoice message, in the customer's language (French: {@code 1 234,56 $}, {@code 15 mars 2026}), once per invoice.
 * The invoice is read again right before the message goes: one paid meanwhile, or whose bank debit is on its way
 * (payment-pending), or cancelled, is never texted as due; one part-paid (a fixed pre-authorized amount) is sent with
 * what is left to pay.
 */
@Component
public class InvoiceNotices {

    private final JdbcClient jdbc;
    private final CustomerMessages messages;

    public InvoiceNotices(JdbcClient jdbc, CustomerMessages messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    private record Invoice(long customerId, String status, BigDecimal due, BigDecimal paid, LocalDate dueDate) {

        boolean stillDue() {
            return "open".equals(status) && due.signum() > 0;
        }
    }

    /** @return false when nothing went out now (nothing due any more, no phone, or already sent by an earlier try) */
    public boolean invoiceIssued(String invoiceNo) {
        Invoice i = jdbc.sql("""
                SELECT customer_id, status, total - amount_paid, amount_paid, due_date FROM automation.invoice WHERE invoice_no = :no
                """).param("no", invoiceNo)
                .query((rs, n) -> new Invoice(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getObject(5, LocalDate.class))).single();
        if (!i.stillDue()) {
            return false;
        }
        if (i.paid().signum() > 0) {
            return messages.send("invoice-issued:" + invoiceNo, i.customerId(), "invoice-issued", new Bilingual(
                    String.format("TARGO : %s déjà reçus sur votre facture %s ; il reste %s à payer d'ici le %s. Payez en ligne au client.gigafibre.ca.",
                            Money.french(i.paid()), invoiceNo, Money.french(i.due()),
                            i.dueDate().format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.CANADA_FRENCH))),
                    String.format("TARGO: %s already received on your invoice %s; %s is left to pay by %s. Pay online at client.gigafibre.ca.",
                            Money.english(i.paid()), invoiceNo, Money.english(i.due()),
                            i.dueDate().format(DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.CANADA)))))
                    .sentNow();
        }
        return messages.send("invoice-issued:" + invoiceNo, i.customerId(), "invoice-issued", new Bilingual(
                String.format("TARGO : votre facture %s de %s est due le %s. Payez en ligne au client.gigafibre.ca.", invoiceNo,
                        Money.french(i.due()), i.dueDate().format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.CANADA_FRENCH))),
                String.format("TARGO: your invoice %s of %s is due on %s. Pay online at client.gigafibre.ca.", invoiceNo,
                        Money.english(i.due()), i.dueDate().format(DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.CANADA)))))
                .sentNow();
    }
}
