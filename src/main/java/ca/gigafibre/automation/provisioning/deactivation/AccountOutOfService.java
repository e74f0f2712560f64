package ca.gigafibre.automation.provisioning.deactivation;

import ca.gigafibre.automation.customer.CustomerRef;
/**
 * A deactivation left the account with nothing in service after its end date. Published in the deactivation's
 * transaction; collections ends the account's open suspension with it (reason {@code deactivated}), so no reactivation
 * ever lifts it later.
 */
public record AccountOutOfService(CustomerRef customer, String deactivationKey) {
}
