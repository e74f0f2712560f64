package ca.gigafibre.automation.collections.suspension;

import ca.gigafibre.automation.customer.CustomerRef;

/**
 * A {@code suspension} instance let the account go after a payment came in while it held it, or because the reactivation
 * rules gave service back before its phone-line cut: the reactivation may now be decided and started.
 */
public record SuspensionReleased(CustomerRef customer, String processInstanceId) {
}
