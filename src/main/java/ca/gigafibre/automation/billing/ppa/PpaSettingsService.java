package ca.gigafibre.automation.billing.ppa;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.error.InvalidRequestException;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.math.BigDecimal;
import java.time.LocalDate;
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
    public PpaSettings get(CustomerNo customerNo) {
        long customerId = customers.idOf(customerNo, "id");
        return jdbc.sql("""
                SELECT ppa, ppa_cc, stripe_ppa, ppa_amount, ppa_amount_buffer, ppa_fixed, pad_agreed_on, pad_agreed_by, pad_channel
                FROM automation.account_ppa_settings
                WHERE customer_id = :id
                """).param("id", customerId)
                .query((rs, n) -> {
                    String method = rs.getBoolean("stripe_ppa") ? "stripe" : rs.getBoolean("ppa_cc") ? "paysafe" : rs.getBoolean("ppa") ? "bank" : null;
                    PadAgreement pad = "bank".equals(method) && rs.getString("pad_channel") != null ? new PadAgreement(
                            rs.getObject("pad_agreed_on", LocalDate.class), rs.getString("pad_agreed_by"), rs.getString("pad_channel")) : null;
                    return new PpaSettings(method != null, method, rs.getBigDecimal("ppa_amount"), rs.getBigDecimal("ppa_amount_buffer"),
                            rs.getBigDecimal("ppa_fixed"), pad);
                })
                .optional().orElse(new PpaSettings(false, null, null, BigDecimal.ZERO.setScale(2), null, null));
    }

    @Transactional
    /** @param user the authenticated staff user, recorded as the one who took a PAD agreement */
    public PpaSettings put(CustomerNo customerNo, PpaSettings settings, String user) {
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
                throw new InvalidRequestException("method", "no " + kind + " payment method on file for " + customerNo.value()
                        + ": add it with POST /api/customers/" + customerNo.value() + "/payment-methods first");
            }
        }
        String method = enabled ? settings.method() : "";
        PadAgreement pad = method.equals("bank") ? padAgreement(settings.padAgreement()) : null;
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
        if (pad != null) {
            jdbc.sql("""
                    UPDATE automation.account_ppa_settings SET pad_agreed_on = :on, pad_agreed_by = :by, pad_channel = :channel
                    WHERE customer_id = :id
                    """).param("on", pad.agreedOn()).param("by", user).param("channel", pad.channel()).param("id", customerId).update();
        }
        Map<String, Object> details = new HashMap<>();
        details.put("enabled", enabled);
        details.put("method", settings.method());
        if (pad != null) {
            details.put("padChannel", pad.channel());
            details.put("padAgreedOn", pad.agreedOn().toString());
        }
        audit.record("ppa.changed", "customer", customerNo.value(), null, details);
        return get(customerNo);
    }

    /** A bank enrolment needs its PAD agreement: how it was given (channel) and when (today when left out, never later). */
    private static PadAgreement padAgreement(PadAgreement given) {
        if (given == null || given.channel() == null) {
            throw new InvalidRequestException("padAgreement.channel",
                    "is required to enrol in bank debits: how the customer gave the PAD agreement (phone, web, paper or in-person)");
        }
        LocalDate today = BusinessTime.today();
        if (given.agreedOn() != null && given.agreedOn().isAfter(today)) {
            throw new InvalidRequestException("padAgreement.agreedOn", "must not be in the future");
        }
        return new PadAgreement(given.agreedOn() == null ? today : given.agreedOn(), null, given.channel());
    }

    /**
     * Bank debits off for the account (the bank said the account is closed or the customer stopped the payment); in the
     * caller's transaction. The charges already waiting see it when the rules decide again before each of them.
     *
     * @return true when bank debits were on
     */
    @Transactional
    public boolean switchOffBankDebits(long customerId, String why) {
        int changed = jdbc.sql("UPDATE automation.account_ppa_settings SET ppa = false, updated_at = now() WHERE customer_id = :id AND ppa")
                .param("id", customerId).update();
        if (changed == 1) {
            audit.record("ppa.changed", "customer", customers.customerNoOf(customerId), null, Map.of("enabled", false, "method", "bank",
                    "reason", why));
        }
        return changed == 1;
    }
}
