package ca.gigafibre.automation.provisioning.deactivation;

/**
 * A deactivation left the account with nothing in service after its end date. Published in the deactivation's
 * transaction; collections ends the account's open suspension with it (reason {@code deactivated}), so no reactivation
 * ever lifts it later.
 */
public record AccountOutOfService(long customerId, String customerNo, String deactivationKey) {
}
