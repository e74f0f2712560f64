package ca.gigafibre.automation.billing.ppa;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;

/**
 * The customer's pre-authorized debit (PAD) agreement behind a bank enrolment (Payments Canada Rule H1): the day it was
 * given ({@code agreedOn}, today when left out), how ({@code channel}) and the staff user who recorded it
 * ({@code agreedBy}: the authenticated caller, never taken from the request).
 */
public record PadAgreement(
        LocalDate agreedOn,
        @JsonProperty(access = JsonProperty.Access.READ_ONLY) String agreedBy,
        @Pattern(regexp = "^(phone|web|paper|in-person)$", message = "must be phone, web, paper or in-person") String channel) {
}
