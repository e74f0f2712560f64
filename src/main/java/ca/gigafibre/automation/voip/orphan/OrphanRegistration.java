package ca.gigafibre.automation.voip.orphan;

/**
 * A 911 registration no live line stands behind. {@code source}: {@code ours} (our record only), {@code provider}
 * (the provider's listing only) or {@code both}; {@code customerId} is known only when we have the record.
 */
public record OrphanRegistration(String did, String customerId, String address, String source) {
}
