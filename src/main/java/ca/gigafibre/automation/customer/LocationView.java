package ca.gigafibre.automation.customer;

import java.math.BigDecimal;

public record LocationView(String id, String streetNumber, String apt, String streetName, String city, String province,
                           String postalCode, BigDecimal latitude, BigDecimal longitude, String connectionType,
                           String oltId, String oltPort) {
}
