package ca.gigafibre.automation.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/customers/{id}/notes}: an internal memo, kept exactly as typed. */
public record NewNote(@NotBlank @Size(max = CustomerNotes.MAX_LENGTH) String text) {
}
