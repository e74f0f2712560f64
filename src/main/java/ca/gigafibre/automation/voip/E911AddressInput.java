package ca.gigafibre.automation.voip;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** A 911 civic address as ops enter it ({@code PUT /api/voip-lines/{did}/e911-address}). */
public record E911AddressInput(
        @NotBlank String streetNumber,
        String apt,
        @NotBlank String streetName,
        @NotBlank String city,
        @Pattern(regexp = "^[A-Z]{2}$", message = "must be a two-letter province code such as QC") String province,
        @NotBlank @Pattern(regexp = "^[A-Za-z]\\d[A-Za-z] ?\\d[A-Za-z]\\d$", message = "must be a Canadian postal code such as J2G 1A1")
        String postalCode,
        String firstName,
        String lastName) {

    public CivicAddress civic() {
        String compact = postalCode.replace(" ", "").toUpperCase();
        return new CivicAddress(streetNumber.strip(), apt == null || apt.isBlank() ? null : apt.strip(), streetName.strip(),
                city.strip(), province == null ? "QC" : province, compact.substring(0, 3) + " " + compact.substring(3));
    }
}
