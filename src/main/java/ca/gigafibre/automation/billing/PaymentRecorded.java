package ca.gigafibre.automation.billing;

import ca.gigafibre.automation.customer.CustomerRef;
import java.util.List;

/** Published in the recording transaction; collections act on it once the transaction has committed. */
public record PaymentRecorded(CustomerRef customer, String paymentId, List<String> invoicesPaid) {
}
