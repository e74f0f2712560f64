package ca.gigafibre.automation.adapter.payment;

import java.math.BigDecimal;

/**
 * One charge. {@code idempotencyKey} (invoice + attempt) makes a retried call return the first result instead of
 * charging again. {@code secret} is the card token or bank account, decrypted for this call only.
 */
public record ChargeRequest(String method, String idempotencyKey, BigDecimal amount, String stripeCustomerId,
                            String stripePaymentMethodId, String secret, String bankInstitution, String bankTransit,
                            String accountHolder, String description) {

    /** Processors count in cents. */
    public long cents() {
        return amount.movePointRight(2).longValueExact();
    }

    @Override
    public String toString() {
        return "ChargeRequest[" + method + ", " + idempotencyKey + ", " + amount + ", secret ***]";
    }
}
