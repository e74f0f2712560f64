package ca.gigafibre.automation.collections.arrangement;

import ca.gigafibre.automation.collections.ArrangementFacts;
import ca.gigafibre.automation.platform.error.NotFoundException;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the raw facts {@code rules/arrangement-cutoff.drl} judges, as of the business clock's today. No opinion here on
 * kept or broken: amounts, dates, the overdue balance and the last status only. Payments and credits are apart: a credit
 * note left on the account (method {@code credit-note}) is not money the customer paid, and it is dated by its credit
 * note's issue date, the business day it was written.
 */
@Component
public class ArrangementFactsLoader {

    /** One arrangement's facts and the account it belongs to. */
    public record Loaded(long customerId, ArrangementFacts facts) {
    }

    private static final String FACTS = """
            SELECT a.arrangement_no, a.customer_id, a.amount, a.due_date, a.cutoff_date, a.status,
                   coalesce((SELECT sum(p.amount - p.reversed_amount) FROM automation.payment p WHERE p.customer_id = a.customer_id AND p.reversed_at IS NULL
                             AND p.method <> 'credit-note'
                             AND CAST(p.received_at AT TIME ZONE 'America/Montreal' AS date) BETWEEN a.agreed_date AND a.due_date), 0) AS received,
                   coalesce((SELECT sum(p.amount - p.reversed_amount) FROM automation.payment p WHERE p.customer_id = a.customer_id AND p.reversed_at IS NULL
                             AND p.method <> 'credit-note'
                             AND CAST(p.received_at AT TIME ZONE 'America/Montreal' AS date) >= a.agreed_date), 0) AS received_to_date,
                   coalesce((SELECT sum(p.amount - p.reversed_amount) FROM automation.payment p
                             JOIN automation.invoice note ON note.invoice_no = p.reference AND note.customer_id = p.customer_id
                             WHERE p.customer_id = a.customer_id AND p.method = 'credit-note' AND note.issue_date >= a.agreed_date), 0) AS credited,
                   coalesce((SELECT sum(i.total - i.amount_paid) FROM automation.overdue_invoice(:today) i
                             WHERE i.customer_id = a.customer_id), 0) AS overdue
            FROM automation.payment_arrangement a
            """;

    private final JdbcClient jdbc;

    public ArrangementFactsLoader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Loaded load(String arrangementNo, boolean balanceWrittenOff) {
        LocalDate today = BusinessTime.today();
        return jdbc.sql(FACTS + " WHERE a.arrangement_no = :no").param("no", arrangementNo).param("today", today)
                .query((rs, n) -> new Loaded(rs.getLong("customer_id"), new ArrangementFacts(rs.getString("arrangement_no"),
                        rs.getBigDecimal("amount"), rs.getBigDecimal("received"), rs.getBigDecimal("received_to_date"), today, rs.getObject("due_date", LocalDate.class),
                        rs.getObject("cutoff_date", LocalDate.class), rs.getBigDecimal("overdue"), rs.getString("status"), balanceWrittenOff)
                        .credited(rs.getBigDecimal("credited"))))
                .optional().orElseThrow(() -> new NotFoundException("Arrangement", arrangementNo, "arrangementId"));
    }

    /** The account's arrangements the rules have not ended yet. */
    public List<String> openOf(long customerId) {
        return jdbc.sql("SELECT arrangement_no FROM automation.payment_arrangement WHERE customer_id = :id AND status = 'open' ORDER BY id")
                .param("id", customerId).query(String.class).list();
    }

    /** An arrangement's row id (for paging) and number. */
    public record Ref(long id, String number) {
    }

    /** Open arrangements whose due or cutoff date has passed: the rules must end them (one page, by id). */
    public List<Ref> openAndDue(long afterId, int limit) {
        return jdbc.sql("""
                SELECT id, arrangement_no FROM automation.payment_arrangement
                WHERE status = 'open' AND (due_date < :today OR cutoff_date <= :today) AND id > :after ORDER BY id LIMIT :limit
                """).param("today", BusinessTime.today()).param("after", afterId).param("limit", limit)
                .query((rs, n) -> new Ref(rs.getLong(1), rs.getString(2))).list();
    }
}
