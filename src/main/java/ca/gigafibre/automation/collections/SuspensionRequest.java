package ca.gigafibre.automation.collections;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/customers/{id}/suspension}: why staff ask for it (kept in the suspension and the audit log). */
public record SuspensionRequest(@NotBlank @Size(max = 500) String reason) {
}
