package ca.gigafibre.automation.billing.ppa;

import ca.gigafibre.automation.billing.PpaFacts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The PPA facts of every invoice issued in a window, as {@link PpaFactsLoader} would have read them on the invoice's issue
 * day (the first charge decision), in one set-based read, for a what-if replay. The account's PPA settings and payment
 * methods are today's (they keep no history); a card counts as expired when it had expired by the issue day; the account
 * was in collections that day when an arrangement was running or a suspension in force. Read only.
 */
@Component
public class PpaHistory {

    /** One invoice's first charge decision's raw facts, with its account. */
    public record Row(long customerId, String invoiceNo, BigDecimal total, LocalDate issueDate, boolean bankPpa, BigDecimal ppaAmount,
                      BigDecimal ppaAmountBuffer, BigDecimal ppaFixed, boolean ppaCard, boolean stripePpa, boolean card, boolean cardExpired,
                      boolean paysafeToken, boolean inCollections, boolean returnedFee, BigDecimal preNotified, boolean disabled) {
    }

    private final JdbcClient jdbc;

    public PpaHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Invoices issued in [from, to] (credit notes left out); {@code customers} (customer numbers) narrows it, empty for all. */
    public List<Row> read(LocalDate from, LocalDate to, Collection<String> customers) {
        return jdbc.sql("""
                SELECT i.invoice_no, i.total, i.issue_date, c.id AS customer_id, c.status = 'disabled' AS disabled,
                       coalesce(s.ppa, false) AS ppa, s.ppa_amount, s.ppa_amount_buffer, s.ppa_fixed, coalesce(s.ppa_cc, false) AS ppa_cc,
                       coalesce(s.stripe_ppa, false) AS stripe_ppa,
                       exists(SELECT 1 FROM automation.payment_method m WHERE m.customer_id = c.id AND m.kind = 'stripe-card') AS card,
                       NOT exists(SELECT 1 FROM automation.payment_method m WHERE m.customer_id = c.id AND m.kind = 'stripe-card'
                                  AND (m.card_exp_year IS NULL OR make_date(m.card_exp_year, m.card_exp_month, 1) + interval '1 month' > i.issue_date)) AS expired,
                       exists(SELECT 1 FROM automation.payment_method m WHERE m.customer_id = c.id AND m.kind = 'paysafe-card'
                              AND m.token_enc IS NOT NULL) AS token,
                       exists(SELECT 1 FROM automation.payment_arrangement a WHERE a.customer_id = c.id AND a.agreed_date <= i.issue_date
                              AND (a.status = 'open' OR (a.status <> 'pending' AND i.issue_date <= a.due_date)))
                         OR exists(SELECT 1 FROM automation.suspension u WHERE u.customer_id = c.id AND u.started_at IS NOT NULL
                              AND CAST(u.started_at AT TIME ZONE 'America/Montreal' AS date) <= i.issue_date
                              AND (u.ended_at IS NULL OR CAST(u.ended_at AT TIME ZONE 'America/Montreal' AS date) > i.issue_date))
                         AS collections,
                       exists(SELECT 1 FROM automation.invoice_line l WHERE l.invoice_id = i.id AND l.sku = 'FEE-RETURNED') AS returned_fee,
                       (SELECT n.amount FROM automation.bank_debit_notice n WHERE n.invoice_id = i.id AND n.sent_at IS NOT NULL
                        ORDER BY n.attempt DESC LIMIT 1) AS pre_notified
                FROM automation.invoice i JOIN automation.customer c ON c.id = i.customer_id
                LEFT JOIN automation.account_ppa_settings s ON s.customer_id = c.id
                WHERE i.issue_date BETWEEN :from AND :to AND i.status <> 'draft' AND i.credit_note_for IS NULL AND i.total > 0
                """ + (customers.isEmpty() ? "" : " AND c.customer_no IN (:only)") + " ORDER BY i.issue_date, i.id")
                .param("from", from).param("to", to).param("only", customers.isEmpty() ? List.of("") : List.copyOf(customers))
                .query((rs, n) -> new Row(rs.getLong("customer_id"), rs.getString("invoice_no"), rs.getBigDecimal("total"),
                        rs.getObject("issue_date", LocalDate.class), rs.getBoolean("ppa"), rs.getBigDecimal("ppa_amount"),
                        rs.getBigDecimal("ppa_amount_buffer"), rs.getBigDecimal("ppa_fixed"), rs.getBoolean("ppa_cc"), rs.getBoolean("stripe_ppa"),
                        rs.getBoolean("card"), rs.getBoolean("card") && rs.getBoolean("expired"), rs.getBoolean("token"),
                        rs.getBoolean("collections"), rs.getBoolean("returned_fee"), rs.getBigDecimal("pre_notified"), rs.getBoolean("disabled")))
                .list();
    }

    /**
     * The facts the charge rules see for the row, with the bank pre-notification period and, when not null, one buffer
     * above the limit for every account that has a limit (what-if: "what if the buffer were ...").
     */
    public PpaFacts facts(Row row, int bankNoticeDays, BigDecimal bufferForAll) {
        BigDecimal buffer = bufferForAll != null && row.ppaAmount() != null ? bufferForAll : row.ppaAmountBuffer();
        return new PpaFacts(row.invoiceNo(), row.total(), row.bankPpa(), row.ppaAmount(), buffer, row.ppaFixed(), row.ppaCard(),
                row.stripePpa(), row.card(), row.cardExpired(), row.paysafeToken(), row.inCollections(), row.issueDate(),
                row.issueDate().plusDays(bankNoticeDays), false, row.returnedFee(), row.preNotified(), row.disabled());
    }
}
