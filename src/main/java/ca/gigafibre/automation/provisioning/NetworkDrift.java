package ca.gigafibre.automation.provisioning;

/** One difference between what should be (our data) and what a network system reports. */
public record NetworkDrift(String system, String ref, String customerId, String expected, String actual) {
}
