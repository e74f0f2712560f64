package ca.gigafibre.automation.voip;

/** Our 911 registration of one DID, as stored. */
public record E911AddressRow(String did, long customerId, String firstName, String lastName, String streetNumber, String apt,
                             String streetName, String city, String province, String postalCode, String caucaCode,
                             String serviceClass) {

    public CivicAddress civic() {
        return new CivicAddress(streetNumber, apt, streetName, city, province, postalCode);
    }
}
