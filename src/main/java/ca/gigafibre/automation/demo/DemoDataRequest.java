package ca.gigafibre.automation.demo;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/** {@code POST /api/admin/demo-data}: {@code {"scale": 1.0, "replace": true}}; the seed defaults to the configured one. */
public record DemoDataRequest(
        @NotNull @DecimalMin(value = "0.001", message = "must be at least 0.001")
        @DecimalMax(value = "10.0", message = "must be at most 10") Double scale,
        Boolean replace,
        Long seed) {
}
