package ca.gigafibre.automation.billing;

import java.util.List;

/** Published in the recording transaction, so collections can reactivate an account whose balance is cleared. */
public record PaymentRecorded(long customerId, String customerNo, String paymentId, List<String> invoicesPaid) {
}
