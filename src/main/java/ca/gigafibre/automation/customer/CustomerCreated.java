package ca.gigafibre.automation.customer;

/** A customer the engine created, published in the creating transaction. */
public record CustomerCreated(long customerId) {
}
