package ca.gigafibre.automation.voip;

/** A Quebec civic address as written by people (service location) or held by the 911 provider. */
public record CivicAddress(String streetNumber, String apt, String streetName, String city, String province, String postalCode) {
}
