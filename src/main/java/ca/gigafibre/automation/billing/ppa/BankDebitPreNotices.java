package ca.gigafibre.automation.billing.ppa;

import ca.gigafibre.automation.billing.BillingSettings;
import ca.gigafibre.automation.notification.Bilingual;
import ca.gigafibre.automation.notification.CustomerMessages;
import ca.gigafibre.automation.platform.text.Money;
import ca.gigafibre.automation.platform.time.BusinessCalendar;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payments Canada Rule H1: before a variable bank debit the customer is told its amount and date, at least
 * {@code automation.billing.bank-notice-days} ahead. The debit date counts from the day the notice actually goes out
 * (a business day, in the notification window) and is moved to a business day. The notice row
 * ({@code automation.bank_debit_notice}, one per invoice and attempt) is committed before the message is sent; once sent,
 * its amount and date never change, and a retried job sends nothing twice.
 */
@Service
public class BankDebitPreNotices {

    private final JdbcClient jdbc;
    private final CustomerMessages messages;
    private final BusinessCalendar calendar;
    private final int noticeDays;
    private final TransactionTemplate ownTransaction;

    public BankDebitPreNotices(JdbcClient jdbc, CustomerMessages messages, BusinessCalendar calendar,
                               BillingSettings settings, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.calendar = calendar;
        this.noticeDays = settings.bankNoticeDays();
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public record Notice(BigDecimal amount, LocalDate debitDate, boolean sent) {
    }

    /** The first day a debit noticed today may be taken: {@code noticeDays} later, on a business day. */
    public LocalDate debitDateIfNoticedOn(LocalDate noticeDay) {
        return calendar.nextBusinessDay(noticeDay.plusDays(noticeDays));
    }

    /**
     * Tells the customer the amount and date of the invoice's debit (once per attempt).
     *
     * @return the notice as sent, or empty when the customer could not be reached (no debit may then be taken)
     */
    public Optional<Notice> notify(String invoiceNo, int attempt, long customerId, BigDecimal amount) {
        String key = "bank-debit-notice:" + invoiceNo + ":" + attempt;
        Notice notice = prepare(invoiceNo, attempt, key, amount);
        if (notice.sent()) {
            return Optional.of(notice);
        }
        Bilingual date = CustomerDates.of(notice.debitDate());
        CustomerMessages.Outcome outcome = messages.send(key, customerId, "invoice-issued", new Bilingual(
                "TARGO : votre facture " + invoiceNo + " sera payée par prélèvement bancaire préautorisé : " + Money.french(notice.amount())
                        + " seront prélevés de votre compte le " + date.french() + ".",
                "TARGO: your invoice " + invoiceNo + " is paid by pre-authorized bank debit: " + Money.english(notice.amount())
                        + " will be debited from your account on " + date.english() + "."));
        if (!"sent".equals(outcome.state())) {
            return Optional.empty();
        }
        jdbc.sql("UPDATE automation.bank_debit_notice SET sent_at = :now WHERE notification_key = :key AND sent_at IS NULL")
                .param("now", BusinessTime.now()).param("key", key).update();
        return Optional.of(new Notice(notice.amount(), notice.debitDate(), true));
    }

    /**
     * The intent, committed on its own. Until the message has gone out (or may have), each try refreshes amount and date
     * from today, so a notice that goes out days late still gives the full notice period.
     */
    private Notice prepare(String invoiceNo, int attempt, String key, BigDecimal amount) {
        LocalDate today = BusinessTime.today();
        return ownTransaction.execute(tx -> {
            jdbc.sql("""
                    INSERT INTO automation.bank_debit_notice (invoice_id, attempt, amount, debit_date, notification_key, prepared_at)
                    SELECT id, :attempt, :amount, :debitDate, :key, :now FROM automation.invoice WHERE invoice_no = :no
                    ON CONFLICT (invoice_id, attempt) DO UPDATE SET amount = EXCLUDED.amount, debit_date = EXCLUDED.debit_date,
                        prepared_at = EXCLUDED.prepared_at
                    WHERE bank_debit_notice.sent_at IS NULL AND NOT EXISTS (
                        SELECT 1 FROM automation.notification m WHERE m.natural_key = bank_debit_notice.notification_key AND m.state <> 'failed')
                    """).param("attempt", attempt).param("amount", amount).param("debitDate", debitDateIfNoticedOn(today)).param("key", key)
                    .param("now", BusinessTime.now()).param("no", invoiceNo).update();
            return jdbc.sql("SELECT amount, debit_date, sent_at IS NOT NULL FROM automation.bank_debit_notice WHERE notification_key = :key")
                    .param("key", key)
                    .query((rs, n) -> new Notice(rs.getBigDecimal(1), rs.getObject(2, LocalDate.class), rs.getBoolean(3))).single();
        });
    }
}
