package ca.gigafibre.automation.billing;

import java.util.List;

/** Published when a reversal (refund, dispute, bank return) reopened invoices; collections look at the accounts again. */
public record PaymentReversed(List<Long> customerIds, List<String> invoicesReopened, String why) {
}
