package ca.gigafibre.automation.voip;

/** A 911 registration with no active line. {@code source}: ours, provider, or both. */
public record E911OrphanRow(String did, String customerId, String address, String source) {
}
