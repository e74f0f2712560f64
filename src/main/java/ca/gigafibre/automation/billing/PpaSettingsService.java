package ca.gigafibre.automation.billing;

import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.error.InvalidRequestException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Enrols an account in pre-authorized payment, or takes it out; the PPA rules read these settings at every charge. */
@Service
public class PpaSettingsService {

    private static final Map<String, String> METHOD_ON_FILE = Map.of("stripe", "stripe-card", "paysafe", "paysafe-card", "bank", "bank-ppa");

    private final JdbcClient jdbc;
    private final CustomerRepository customers;
    private final AuditLog audit;

    public PpaSettingsService(JdbcClient jdbc, CustomerRepository customers, AuditLog audit) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public PpaSettings get(String customerNo) {
        long customerId = customers.idOf(customerNo, "id");
        return jdbc.sql("""
                SELECT ppa, ppa_cc, stripe_ppa, ppa_amount, ppa_amount_buffer, ppa_fixed FROM automation.account_ppa_settings
                WHERE customer_id = :id
                """).param("id", customerId)
                .query((rs, n) -> {
                    String method = rs.getBoolean("stripe_ppa") ? "stripe" : rs.getBoolean("ppa_cc") ? "paysafe" : rs.getBoolean("ppa") ? "bank" : null;
                    return new PpaSettings(method != null, method, rs.getBigDecimal("ppa_amount"), rs.getBigDecimal("ppa_amount_buffer"),
                            rs.getBigDecimal("ppa_fixed"));
                })
                .optional().orElse(new PpaSettings(false, null, null, BigDecimal.ZERO.setScale(2), null));
    }

    @Transactional
    public PpaSettings put(String customerNo, PpaSettings settings) {
        long customerId = customers.idOf(customerNo, "id");
        boolean enabled = settings.enabled();
        if (enabled && settings.method() == null) {
            throw new InvalidRequestException("method", "is required to enable pre-authorized payment (stripe, paysafe or bank)");
        }
        if (enabled) {
            String kind = METHOD_ON_FILE.get(settings.method());
            boolean onFile = jdbc.sql("SELECT exists(SELECT 1 FROM automation.payment_method WHERE customer_id = :id AND kind = :kind)")
                    .param("id", customerId).param("kind", kind).query(Boolean.class).single();
            if (!onFile) {
                throw new InvalidRequestException("method", "no " + kind + " payment method on file for " + customerNo
                        + ": add it with POST /api/customers/" + customerNo + "/payment-methods first");
            }
        }
        String method = enabled ? settings.method() : "";
        jdbc.sql("""
                INSERT INTO automation.account_ppa_settings (customer_id, ppa, ppa_cc, stripe_ppa, ppa_amount, ppa_amount_buffer, ppa_fixed,
                    stripe_customer_id, updated_at)
                VALUES (:id, :bank, :paysafe, :stripe, :limit, :buffer, :fixed,
                    (SELECT stripe_customer_id FROM automation.payment_method WHERE customer_id = :id AND kind = 'stripe-card'
                     ORDER BY is_default DESC, id DESC LIMIT 1), now())
                ON CONFLICT (customer_id) DO UPDATE SET ppa = :bank, ppa_cc = :paysafe, stripe_ppa = :stripe, ppa_amount = :limit,
                    ppa_amount_buffer = :buffer, ppa_fixed = :fixed,
                    stripe_customer_id = coalesce(EXCLUDED.stripe_customer_id, automation.account_ppa_settings.stripe_customer_id),
                    updated_at = now()
                """).param("id", customerId).param("bank", method.equals("bank")).param("paysafe", method.equals("paysafe"))
                .param("stripe", method.equals("stripe")).param("limit", settings.limit())
                .param("buffer", settings.buffer() == null ? BigDecimal.ZERO : settings.buffer()).param("fixed", settings.fixedAmount())
                .update();
        Map<String, Object> details = new HashMap<>();
        details.put("enabled", enabled);
        details.put("method", settings.method());
        audit.record("ppa.changed", "customer", customerNo, null, details);
        return get(customerNo);
    }
}
