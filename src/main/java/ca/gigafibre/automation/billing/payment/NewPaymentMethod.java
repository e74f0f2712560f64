package ca.gigafibre.automation.billing.payment;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * {@code POST /api/customers/{id}/payment-methods}. {@code token} and {@code bankAccount} are write-only: stored
 * encrypted, never returned, never logged ({@link #toString()} masks them).
 */
public record NewPaymentMethod(
        @NotBlank @Pattern(regexp = "^(stripe-card|paysafe-card|bank-ppa)$", message = "must be stripe-card, paysafe-card or bank-ppa") String kind,
        @Pattern(regexp = "^cus_\\w+$", message = "must be a Stripe customer id (cus_...)") String stripeCustomerId,
        @Pattern(regexp = "^pm_\\w+$", message = "must be a Stripe payment method id (pm_...)") String stripePaymentMethodId,
        String paysafeProfileId,
        String paysafeCardId,
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String token,
        String cardBrand,
        @Pattern(regexp = "^\\d{4}$", message = "must be the last 4 digits") String cardLast4,
        @Min(1) @Max(12) Integer cardExpMonth,
        @Min(2000) @Max(2100) Integer cardExpYear,
        String bankName,
        @Pattern(regexp = "^\\d{3}$", message = "must be the 3-digit institution number") String bankInstitution,
        @Pattern(regexp = "^\\d{5}$", message = "must be the 5-digit transit number") String bankTransit,
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
        @Pattern(regexp = "^\\d{5,12}$", message = "must be 5 to 12 digits") String bankAccount,
        Boolean isDefault) {

    @Override
    public String toString() {
        return "NewPaymentMethod[kind=" + kind + ", stripeCustomerId=" + stripeCustomerId + ", token=" + (token == null ? null : "***")
                + ", bankAccount=" + (bankAccount == null ? null : "***") + "]";
    }
}
