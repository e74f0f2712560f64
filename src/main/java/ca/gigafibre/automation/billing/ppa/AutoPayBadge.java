package ca.gigafibre.automation.billing.ppa;

import ca.gigafibre.automation.customer.Customer360Badge;
import java.math.BigDecimal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Customer 360's "autoPay" badge, while pre-authorized payment is on: the method (stripe, paysafe, bank), what is on file
 * for it (card brand and last four digits, or bank and account's last four: never more), the limit and buffer that cap a
 * charge, or the fixed amount.
 */
@Component
class AutoPayBadge implements Customer360Badge {

    private final JdbcClient jdbc;

    AutoPayBadge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record AutoPay(String method, String onFile, BigDecimal limit, BigDecimal buffer, BigDecimal fixedAmount) {
    }

    @Override
    public String key() {
        return "autoPay";
    }

    @Override
    public Object badge(long customerId) {
        return jdbc.sql("""
                SELECT m.method, s.ppa_amount, s.ppa_amount_buffer, s.ppa_fixed,
                       (SELECT coalesce(p.card_brand || ' ' || p.card_last4, p.bank_name || ' ' || p.bank_account_last4, p.kind)
                        FROM automation.payment_method p WHERE p.customer_id = s.customer_id AND p.kind = m.kind
                        ORDER BY p.is_default DESC, p.id DESC LIMIT 1) AS on_file
                FROM automation.account_ppa_settings s
                CROSS JOIN LATERAL (SELECT CASE WHEN s.stripe_ppa THEN 'stripe' WHEN s.ppa_cc THEN 'paysafe' WHEN s.ppa THEN 'bank' END AS method,
                                           CASE WHEN s.stripe_ppa THEN 'stripe-card' WHEN s.ppa_cc THEN 'paysafe-card' ELSE 'bank-ppa' END AS kind) m
                WHERE s.customer_id = :id AND m.method IS NOT NULL
                """).param("id", customerId)
                .query((rs, n) -> new AutoPay(rs.getString("method"), rs.getString("on_file"), rs.getBigDecimal("ppa_amount"),
                        rs.getBigDecimal("ppa_amount_buffer"), rs.getBigDecimal("ppa_fixed")))
                .optional().orElse(null);
    }
}
