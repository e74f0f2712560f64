package ca.gigafibre.automation.provisioning;

import ca.gigafibre.automation.voip.NewVoipLine;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code POST /api/locations/{id}/services}: a plan at a location with its ONT, the Wi-Fi to set on the CPE, and the
 * phone lines to create. The Wi-Fi key is write-only and stored encrypted until the CPE is configured.
 */
public record NewServiceOrder(
        @NotBlank String sku,
        @NotBlank @Pattern(regexp = "^[A-Z0-9]{8,16}$", message = "must be the ONT serial such as TPLG1A2B3C4D") String ontSerial,
        @Size(min = 1, max = 32) String wifiSsid,
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) @Size(min = 8, max = 63, message = "must be 8 to 63 characters (WPA2)") String wifiKey,
        LocalDate startDate,
        @Valid List<NewVoipLine> phoneLines) {

    @Override
    public String toString() {
        return "NewServiceOrder[" + sku + ", ONT " + ontSerial + ", wifiKey ***, " + (phoneLines == null ? 0 : phoneLines.size()) + " lines]";
    }
}
