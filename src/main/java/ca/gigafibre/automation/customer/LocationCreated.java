package ca.gigafibre.automation.customer;

/** A service location the engine created, published in the creating transaction. */
public record LocationCreated(String locationNo) {
}
