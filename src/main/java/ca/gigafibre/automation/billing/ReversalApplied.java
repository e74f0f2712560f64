package ca.gigafibre.automation.billing;

/** A payment reversal applied with its amount ({@code payment_reversal}), published in the applying transaction. */
public record ReversalApplied(long reversalId) {
}
