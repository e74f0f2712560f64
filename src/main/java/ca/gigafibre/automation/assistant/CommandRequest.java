package ca.gigafibre.automation.assistant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/assistant/commands}: the sentence, the user's language, the customer on screen if any. */
public record CommandRequest(
        @NotBlank @Size(max = 1000) String text,
        @NotBlank @Pattern(regexp = "^(fr|en)$", message = "must be fr or en") String locale,
        @Pattern(regexp = "^C-\\d+$", message = "must be a customer id such as C-10234") String customerId) {
}
