package ca.gigafibre.automation.billing.payment;

/** A payment method as anyone may see it: no token, the bank account as its last digits only. */
public record PaymentMethodView(long id, String kind, String stripeCustomerId, String stripePaymentMethodId,
                                String paysafeProfileId, boolean hasToken, String cardBrand, String cardLast4,
                                Integer cardExpMonth, Integer cardExpYear, String bankName, String bankInstitution,
                                String bankTransit, String bankAccountLast4, boolean isDefault) {
}
