package ca.gigafibre.automation.billing.charge;

import ca.gigafibre.automation.adapter.payment.ChargeRequest;
import ca.gigafibre.automation.platform.secret.SecretCipher;
import ca.gigafibre.automation.platform.secret.SecretColumn;
import java.math.BigDecimal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Builds a charge from the account's payment method on file, decrypting the token or bank account for this call only. */
@Component
public class ChargeRequests {

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    public ChargeRequests(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public ChargeRequest build(String invoiceNo, String method, BigDecimal amount, String idempotencyKey) {
        String kind = switch (method) {
            case "stripe" -> "stripe-card";
            case "paysafe" -> "paysafe-card";
            default -> "bank-ppa";
        };
        return jdbc.sql("""
                SELECT m.*, c.first_name || ' ' || c.last_name AS holder FROM automation.payment_method m
                JOIN automation.customer c ON c.id = m.customer_id JOIN automation.invoice i ON i.customer_id = c.id
                WHERE i.invoice_no = :invoice AND m.kind = :kind ORDER BY m.is_default DESC, m.id DESC LIMIT 1
                """)
                .param("invoice", invoiceNo).param("kind", kind)
                .query((rs, n) -> new ChargeRequest(method, idempotencyKey, amount, rs.getString("stripe_customer_id"),
                        rs.getString("stripe_payment_method_id"),
                        "bank-ppa".equals(kind) ? cipher.decrypt(rs.getBytes("bank_account_enc"), SecretColumn.BANK_ACCOUNT, rs.getLong("id"))
                                : cipher.decrypt(rs.getBytes("token_enc"), SecretColumn.PAYMENT_TOKEN, rs.getLong("id")),
                        rs.getString("bank_institution"), rs.getString("bank_transit"), rs.getString("holder"), "Facture " + invoiceNo))
                .optional().orElseThrow(() -> new IllegalStateException("No " + kind + " payment method on file for " + invoiceNo));
    }
}
