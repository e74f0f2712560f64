package ca.gigafibre.automation.billing;

import java.util.List;

/** Published in the recording transaction; collections act on it once the transaction has committed. */
public record PaymentRecorded(long customerId, String customerNo, String paymentId, List<String> invoicesPaid) {
}
