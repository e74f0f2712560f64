package ca.gigafibre.automation.billing.payment;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.customer.Customer360Part;
import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.error.FieldProblem;
import ca.gigafibre.automation.platform.error.InvalidRequestException;
import ca.gigafibre.automation.platform.secret.RowIds;
import ca.gigafibre.automation.platform.secret.SecretCipher;
import ca.gigafibre.automation.platform.secret.SecretColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Cards on file and bank PPA. Tokens and bank account numbers are encrypted before they reach the database. */
@Service
public class PaymentMethodService implements Customer360Part {

    private final JdbcClient jdbc;
    private final CustomerRepository customers;
    private final SecretCipher cipher;
    private final AuditLog audit;

    public PaymentMethodService(JdbcClient jdbc, CustomerRepository customers, SecretCipher cipher, AuditLog audit) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.cipher = cipher;
        this.audit = audit;
    }

    @Transactional
    public PaymentMethodView add(CustomerNo customerNo, NewPaymentMethod m) {
        long customerId = customers.idOf(customerNo, "id");
        requireFieldsOf(m);
        long id = RowIds.next(jdbc, "payment_method");   // the secrets are bound to it
        jdbc.sql("""
                INSERT INTO automation.payment_method (id, customer_id, kind, stripe_customer_id, stripe_payment_method_id,
                    paysafe_profile_id, paysafe_card_id, token_enc, card_brand, card_last4, card_exp_month, card_exp_year,
                    bank_name, bank_institution, bank_transit, bank_account_enc, bank_account_last4, is_default)
                VALUES (:id, :customer, :kind, :stripeCustomer, :stripePm, :paysafeProfile, :paysafeCard, :token, :brand, :last4,
                    :expMonth, :expYear, :bankName, :institution, :transit, :account, :accountLast4, :isDefault)
                """)
                .param("id", id).param("customer", customerId).param("kind", m.kind())
                .param("stripeCustomer", m.stripeCustomerId()).param("stripePm", m.stripePaymentMethodId())
                .param("paysafeProfile", m.paysafeProfileId()).param("paysafeCard", m.paysafeCardId())
                .param("token", cipher.encrypt(m.token(), SecretColumn.PAYMENT_TOKEN, id))
                .param("brand", m.cardBrand()).param("last4", m.cardLast4())
                .param("expMonth", m.cardExpMonth()).param("expYear", m.cardExpYear())
                .param("bankName", m.bankName()).param("institution", m.bankInstitution()).param("transit", m.bankTransit())
                .param("account", cipher.encrypt(m.bankAccount(), SecretColumn.BANK_ACCOUNT, id))
                .param("accountLast4", SecretCipher.lastDigits(m.bankAccount(), 3))
                .param("isDefault", Boolean.TRUE.equals(m.isDefault()))
                .update();
        audit.record("payment-method.added", "customer", customerNo.value(), null, Map.of("kind", m.kind(), "paymentMethodId", id));
        return list(customerId).stream().filter(v -> v.id() == id).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<PaymentMethodView> list(CustomerNo customerNo) {
        return list(customers.idOf(customerNo, "id"));
    }

    @Override
    public String key() {
        return "paymentMethods";
    }

    @Override
    public Object describe(long customerId) {
        return list(customerId);
    }

    private List<PaymentMethodView> list(long customerId) {
        return jdbc.sql("""
                SELECT id, kind, stripe_customer_id, stripe_payment_method_id, paysafe_profile_id, token_enc IS NOT NULL,
                       card_brand, card_last4, card_exp_month, card_exp_year, bank_name, bank_institution, bank_transit,
                       bank_account_last4, is_default
                FROM automation.payment_method WHERE customer_id = :id ORDER BY id
                """)
                .param("id", customerId)
                .query((rs, n) -> new PaymentMethodView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6), rs.getString(7), rs.getString(8), (Integer) rs.getObject(9),
                        (Integer) rs.getObject(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                        rs.getBoolean(15)))
                .list();
    }

    private static void requireFieldsOf(NewPaymentMethod m) {
        List<FieldProblem> missing = new ArrayList<>();
        switch (m.kind()) {
            case "stripe-card" -> require(m.stripeCustomerId(), "stripeCustomerId", missing);
            case "paysafe-card" -> {
                require(m.paysafeProfileId(), "paysafeProfileId", missing);
                require(m.token(), "token", missing);
            }
            default -> {
                require(m.bankInstitution(), "bankInstitution", missing);
                require(m.bankTransit(), "bankTransit", missing);
                require(m.bankAccount(), "bankAccount", missing);
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidRequestException(missing);
        }
    }

    private static void require(String value, String field, List<FieldProblem> missing) {
        if (value == null || value.isBlank()) {
            missing.add(new FieldProblem(field, "is required for this kind of payment method"));
        }
    }
}
