package ca.gigafibre.automation.support.dispatch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;

/**
 * {@code POST /api/dispatch-jobs}: a technician's visit at a customer's location on a business day, in a window
 * ({@code am} 08–12, {@code pm} 12–17, {@code day} 08–17). Without {@code technicianId} the technician rules rank the
 * technicians and the best one free in that window is booked.
 */
public record DispatchJobRequest(
        @NotBlank String customerId,
        @NotBlank @Pattern(regexp = "^LOC-\\d{5,}$", message = "must be a location id such as LOC-00042") String locationId,
        @NotNull LocalDate date,
        @NotBlank @Pattern(regexp = "^(am|pm|day)$", message = "must be am (08:00–12:00), pm (12:00–17:00) or day (08:00–17:00)") String window,
        @NotBlank @Pattern(regexp = "^[a-z][a-z0-9-]{0,39}$", message = "must be a skill such as fibre") String skill,
        @Pattern(regexp = "^(?i)TECH-\\d+$", message = "must be a technician id such as TECH-001") String technicianId) {
}
