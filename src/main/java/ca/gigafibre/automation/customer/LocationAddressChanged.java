package ca.gigafibre.automation.customer;

/** Published (in the changing transaction) when a service location moves, so 911 registrations follow it. */
public record LocationAddressChanged(long locationId, String locationNo, String streetNumber, String apt, String streetName,
                                     String city, String province, String postalCode) {
}
