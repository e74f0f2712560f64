package ca.gigafibre.automation.billing.ppa;

import ca.gigafibre.automation.billing.BillingSettings;
import ca.gigafibre.automation.billing.PpaFacts;
import ca.gigafibre.automation.platform.error.NotFoundException;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads one invoice and its account's PPA settings and payment methods for {@code rules/ppa-charging.drl}. */
@Component
public class PpaFactsLoader {

    private final JdbcClient jdbc;
    private final int bankNoticeDays;

    public PpaFactsLoader(JdbcClient jdbc, BillingSettings settings) {
        this.jdbc = jdbc;
        this.bankNoticeDays = settings.bankNoticeDays();
    }

    public record Loaded(long customerId, String customerNo, PpaFacts facts) {
    }

    public Loaded load(String invoiceNo) {
        return load(invoiceNo, false);
    }

    /** @param approvedAboveLimit a person approved a charge above the account's limit for this invoice */
    public Loaded load(String invoiceNo, boolean approvedAboveLimit) {
        return jdbc.sql(FACTS + "WHERE i.invoice_no = :no").param("no", invoiceNo).param("today", BusinessTime.today())
                .query((rs, n) -> loaded(rs, "due", bankNoticeDays, approvedAboveLimit))
                .optional().orElseThrow(() -> new NotFoundException("Invoice", invoiceNo, "invoiceId"));
    }

    /** Many invoices in one round trip (a billing run's chunk), by invoice id; an unknown id is absent. */
    public Map<String, Loaded> loadAll(List<String> invoiceNos) {
        if (invoiceNos.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql(FACTS + "WHERE i.invoice_no IN (:nos)").param("nos", invoiceNos).param("today", BusinessTime.today())
                .query((rs, n) -> loaded(rs, "due", bankNoticeDays, false)).list().stream()
                .collect(Collectors.toMap(l -> l.facts().getInvoiceId(), l -> l));
    }

    /** In collections now: an arrangement running or a suspension in force. */
    private static final String IN_COLLECTIONS_NOW = """
            exists(SELECT 1 FROM automation.payment_arrangement a WHERE a.customer_id = c.id AND a.status = 'open')
              OR exists(SELECT 1 FROM automation.open_suspension u WHERE u.customer_id = c.id)""";

    private static final String FACTS = factsAsOf("CAST(:today AS date)", IN_COLLECTIONS_NOW);

    /**
     * The one read of the PPA facts: an invoice (what is due and its total), its account's PPA settings and payment methods,
     * a card's expiry and the account's collections state as of {@code day} (an SQL date: today for a charge, each invoice's
     * issue day for a what-if replay, {@link PpaHistory}); {@code inCollections} is that day's SQL condition.
     */
    static String factsAsOf(String day, String inCollections) {
        return """
                SELECT i.invoice_no, i.total, i.total - i.amount_paid AS due, i.issue_date, c.id AS customer_id, c.customer_no,
                       c.status = 'disabled' AS disabled,
                       coalesce(s.ppa, false) AS ppa, s.ppa_amount, s.ppa_amount_buffer, s.ppa_fixed, coalesce(s.ppa_cc, false) AS ppa_cc,
                       coalesce(s.stripe_ppa, false) AS stripe_ppa,
                       exists(SELECT 1 FROM automation.payment_method m WHERE m.customer_id = c.id AND m.kind = 'stripe-card') AS card,
                       NOT exists(SELECT 1 FROM automation.payment_method m WHERE m.customer_id = c.id AND m.kind = 'stripe-card'
                                  AND (m.card_exp_year IS NULL OR make_date(m.card_exp_year, m.card_exp_month, 1) + interval '1 month' > %1$s)) AS expired,
                       exists(SELECT 1 FROM automation.payment_method m WHERE m.customer_id = c.id AND m.kind = 'paysafe-card'
                              AND m.token_enc IS NOT NULL) AS token,
                       (%2$s) AS collections,
                       exists(SELECT 1 FROM automation.invoice_line l WHERE l.invoice_id = i.id AND l.sku = 'FEE-RETURNED') AS returned_fee,
                       (SELECT n.amount FROM automation.bank_debit_notice n WHERE n.invoice_id = i.id AND n.sent_at IS NOT NULL
                        ORDER BY n.attempt DESC LIMIT 1) AS pre_notified
                FROM automation.invoice i JOIN automation.customer c ON c.id = i.customer_id
                LEFT JOIN automation.account_ppa_settings s ON s.customer_id = c.id
                """.formatted(day, inCollections);
    }

    /** @param amountColumn what the rules see as due: {@code due} (what is left to pay) or {@code total} (the first decision's) */
    static Loaded loaded(ResultSet rs, String amountColumn, int bankNoticeDays, boolean approvedAboveLimit) throws SQLException {
        LocalDate issued = rs.getObject("issue_date", LocalDate.class);
        return new Loaded(rs.getLong("customer_id"), rs.getString("customer_no"), new PpaFacts(rs.getString("invoice_no"), rs.getBigDecimal(amountColumn),
                rs.getBoolean("ppa"), rs.getBigDecimal("ppa_amount"), rs.getBigDecimal("ppa_amount_buffer"),
                rs.getBigDecimal("ppa_fixed"), rs.getBoolean("ppa_cc"), rs.getBoolean("stripe_ppa"), rs.getBoolean("card"),
                rs.getBoolean("card") && rs.getBoolean("expired"), rs.getBoolean("token"), rs.getBoolean("collections"),
                issued, issued.plusDays(bankNoticeDays), approvedAboveLimit,
                rs.getBoolean("returned_fee"), rs.getBigDecimal("pre_notified"), rs.getBoolean("disabled")));
    }
}
