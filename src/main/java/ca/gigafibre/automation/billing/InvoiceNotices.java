package ca.gigafibre.automation.billing;

import ca.gigafibre.automation.adapter.notify.SmsNotifier;
import ca.gigafibre.automation.platform.text.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The invoice and overdue messages, in the customer's language (French: {@code 1 234,56 $}, {@code 15 mars 2026}). */
@Component
public class InvoiceNotices {

    private static final Locale FR = Locale.CANADA_FRENCH;

    private final JdbcClient jdbc;
    private final SmsNotifier sms;

    public InvoiceNotices(JdbcClient jdbc, SmsNotifier sms) {
        this.jdbc = jdbc;
        this.sms = sms;
    }

    private record Recipient(String phone, String language, BigDecimal due, LocalDate dueDate) {
    }

    /** @return false when the customer has no phone to text (the invoice is still available in the portal) */
    public boolean invoiceIssued(String invoiceNo) {
        return send(invoiceNo, "TARGO : votre facture %s de %s est due le %s. Payez en ligne au client.gigafibre.ca.",
                "TARGO: your invoice %s of %s is due on %s. Pay online at client.gigafibre.ca.");
    }

    public boolean overdue(String invoiceNo) {
        return send(invoiceNo, "TARGO : votre facture %s de %s était due le %s. Merci de la régler pour éviter une interruption de service.",
                "TARGO: your invoice %s of %s was due on %s. Please pay it to avoid an interruption of service.");
    }

    private boolean send(String invoiceNo, String french, String english) {
        Recipient r = jdbc.sql("""
                SELECT coalesce(c.cell_phone, c.phone), c.language, i.total - i.amount_paid, i.due_date FROM automation.invoice i
                JOIN automation.customer c ON c.id = i.customer_id WHERE i.invoice_no = :no
                """).param("no", invoiceNo)
                .query((rs, n) -> new Recipient(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getObject(4, LocalDate.class)))
                .single();
        if (r.phone() == null) {
            return false;
        }
        boolean fr = !"en".equals(r.language());
        String text = fr
                ? String.format(french, invoiceNo, Money.french(r.due()),
                        r.dueDate().format(DateTimeFormatter.ofPattern("d MMMM yyyy", FR)))
                : String.format(english, invoiceNo, Money.english(r.due()),
                        r.dueDate().format(DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.CANADA)));
        sms.send(r.phone(), text);
        return true;
    }
}
