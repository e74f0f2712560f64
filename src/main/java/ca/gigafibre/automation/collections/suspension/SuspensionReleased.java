package ca.gigafibre.automation.collections.suspension;

import ca.gigafibre.automation.customer.CustomerRef;
/** A {@code suspension} instance let the account go after a payment came in while it held it: that payment may now be acted on. */
public record SuspensionReleased(CustomerRef customer, String processInstanceId) {
}
