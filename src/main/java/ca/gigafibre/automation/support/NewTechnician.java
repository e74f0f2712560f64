package ca.gigafibre.automation.support;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;

/** {@code POST /api/technicians}: skills as tags with a level from 1 to 5 ({@code {"fibre": 4, "voip": 2}}). */
public record NewTechnician(@NotBlank @Size(max = 200) String name, @Email String email, String phone, Map<String, Integer> skills,
                            @DecimalMin("-90") @DecimalMax("90") BigDecimal baseLatitude,
                            @DecimalMin("-180") @DecimalMax("180") BigDecimal baseLongitude,
                            @DecimalMin("0.00") BigDecimal hourlyRate) {
}
