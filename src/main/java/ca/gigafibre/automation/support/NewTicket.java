package ca.gigafibre.automation.support;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/tickets}: a customer's problem as the agent heard it. */
public record NewTicket(
        @NotBlank String customerId,
        @Pattern(regexp = "^LOC-\\d{5,}$", message = "must be a location id such as LOC-00042") String locationId,
        @NotBlank @Pattern(regexp = "^(no-internet|slow|wifi|phone|billing|move|other)$",
                message = "must be no-internet, slow, wifi, phone, billing, move or other") String type,
        @Size(max = 4000) String description,
        @Pattern(regexp = "^(phone|portal|email)$", message = "must be phone, portal or email") String channel) {
}
