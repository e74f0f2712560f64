package ca.gigafibre.automation.collections.suspension;

/** A {@code suspension} instance let the account go after a payment came in while it held it: that payment may now be acted on. */
public record SuspensionReleased(long customerId, String customerNo, String processInstanceId) {
}
