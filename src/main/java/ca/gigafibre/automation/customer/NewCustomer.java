package ca.gigafibre.automation.customer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/** {@code POST /api/customers}: a customer with the first service location. */
public record NewCustomer(
        @NotBlank String firstName,
        @NotBlank String lastName,
        String companyName,
        @Email String email,
        @Pattern(regexp = PHONE, message = "must be a 10-digit North American number") String phone,
        @Pattern(regexp = PHONE, message = "must be a 10-digit North American number") String cellPhone,
        @Pattern(regexp = "^(fr|en)$", message = "must be fr or en") String language,
        Boolean commercial,
        Boolean vip,
        Boolean neverSuspend,
        @Positive Integer legacyAccountId,
        @NotNull @Valid NewLocation location,
        @Pattern(regexp = "^(sms|email)$", message = "must be sms or email") String preferredChannel) {

    static final String PHONE = "^(\\+?1[ .-]?)?\\(?\\d{3}\\)?[ .-]?\\d{3}[ .-]?\\d{4}$";

    /** Phones are stored as their 10 digits. */
    static String digits(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        return digits.length() == 11 ? digits.substring(1) : digits;
    }
}
