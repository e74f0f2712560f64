package ca.gigafibre.automation.customer;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;

/** A service location as ops enter it. The postal code is stored as "J2G 1A1". */
public record NewLocation(
        @NotBlank String streetNumber,
        String apt,
        @NotBlank String streetName,
        @NotBlank String city,
        @Pattern(regexp = "^[A-Z]{2}$", message = "must be a two-letter province code such as QC") String province,
        @NotBlank @Pattern(regexp = "^[A-Za-z]\\d[A-Za-z] ?\\d[A-Za-z]\\d$", message = "must be a Canadian postal code such as J2G 1A1")
        String postalCode,
        @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
        @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude,
        String oltId,
        @Pattern(regexp = "^\\d+/\\d+/\\d+$", message = "must be shelf/slot/port such as 1/2/3") String oltPort) {

    public String normalisedPostalCode() {
        String compact = postalCode.replace(" ", "").toUpperCase();
        return compact.substring(0, 3) + " " + compact.substring(3);
    }

    public String provinceOrDefault() {
        return province == null ? "QC" : province;
    }
}
