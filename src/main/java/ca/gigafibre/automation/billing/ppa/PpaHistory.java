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
 * day (the first charge decision: its total due), in one set-based read of the same facts, for a what-if replay. The
 * account's PPA settings and payment methods are today's (they keep no history); a card counts as expired when it had
 * expired by the issue day; the account was in collections that day when an arrangement was running or a suspension in
 * force (an arrangement's status that day is not kept: it ran from its agreement to its due date). Read only.
 */
@Component
public class PpaHistory {

    /** In collections on the invoice's issue day, reconstructed from the arrangements' and suspensions' dates. */
    private static final String IN_COLLECTIONS_ON_ISSUE_DAY = """
            exists(SELECT 1 FROM automation.payment_arrangement a WHERE a.customer_id = c.id AND a.agreed_date <= i.issue_date
                   AND (a.status = 'open' OR (a.status <> 'pending' AND i.issue_date <= a.due_date)))
              OR exists(SELECT 1 FROM automation.suspension u WHERE u.customer_id = c.id AND u.started_at IS NOT NULL
                   AND CAST(u.started_at AT TIME ZONE 'America/Montreal' AS date) <= i.issue_date
                   AND (u.ended_at IS NULL OR CAST(u.ended_at AT TIME ZONE 'America/Montreal' AS date) > i.issue_date))""";

    private final JdbcClient jdbc;

    public PpaHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Invoices issued in [from, to] (credit notes left out), oldest first; {@code customers} (customer numbers) narrows it,
     * empty for all. The facts carry the deployed bank pre-notification period of {@code bankNoticeDays}.
     */
    public List<PpaFactsLoader.Loaded> read(LocalDate from, LocalDate to, Collection<String> customers, int bankNoticeDays) {
        return jdbc.sql(PpaFactsLoader.factsAsOf("i.issue_date", IN_COLLECTIONS_ON_ISSUE_DAY)
                        + "WHERE i.issue_date BETWEEN :from AND :to AND i.status <> 'draft' AND i.credit_note_for IS NULL AND i.total > 0"
                        + (customers.isEmpty() ? "" : " AND c.customer_no IN (:only)") + " ORDER BY i.issue_date, i.id")
                .param("from", from).param("to", to).param("only", customers.isEmpty() ? List.of("") : List.copyOf(customers))
                .query((rs, n) -> PpaFactsLoader.loaded(rs, "total", bankNoticeDays, false))
                .list();
    }

    /**
     * The facts the charge rules see for the invoice, with another bank pre-notification period and, when not null, one
     * buffer above the limit for every account that has a limit (what-if: "what if the buffer were ...").
     */
    public PpaFacts asIf(PpaFacts read, int bankNoticeDays, BigDecimal bufferForAll) {
        BigDecimal buffer = bufferForAll != null && read.getPpaAmount() != null ? bufferForAll : read.getPpaAmountBuffer();
        return new PpaFacts(read.getInvoiceId(), read.getAmountDue(), read.isBankPpa(), read.getPpaAmount(), buffer, read.getPpaFixed(),
                read.isPpaCard(), read.isStripePpa(), read.isStripeCardOnFile(), read.isStripeCardExpired(), read.isPaysafeTokenOnFile(),
                read.isInCollections(), read.getIssueDate(), read.getIssueDate().plusDays(bankNoticeDays), false, read.isReturnedPaymentFee(),
                read.getPreNotifiedAmount(), read.isAccountDisabled());
    }
}
