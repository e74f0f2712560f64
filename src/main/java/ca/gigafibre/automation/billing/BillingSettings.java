package ca.gigafibre.automation.billing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code automation.billing.*}, one record for the billing wing (README, Configuration): the monthly run's calendar,
 * chunk and the workers that start its chunks side by side, the usual terms (due days, Rule H1 bank notice days), the returned-payment fee, the charge reconciler and the
 * switch to a Stripe card. A value that would do harm (a zero interval, negative days or fee) fails start-up naming the key.
 */
@Validated
@ConfigurationProperties("automation.billing")
public record BillingSettings(
        @DefaultValue("0 0 6 1 * ?") @NotBlank String runCron,
        @DefaultValue("250") @Positive int startChunk,
        @DefaultValue("2") @Positive @Max(8) int startWorkers,
        @DefaultValue("21") @PositiveOrZero int dueDays,
        @DefaultValue("10") @PositiveOrZero int bankNoticeDays,
        @DefaultValue("25.00") @NotNull @PositiveOrZero BigDecimal returnedPaymentFee,
        @DefaultValue("PT5M") @NotNull Duration chargeReconcileInterval,
        @DefaultValue("PT10M") @NotNull Duration chargeReconcileAfter,
        @DefaultValue("P90D") @NotNull Duration chargeReconcileWindow,
        @DefaultValue @Valid StripeSwitch stripeSwitch) {

    /** {@code automation.billing.stripe-switch.*}: the card link's validity, Stripe's return page, the link job's interval. */
    public record StripeSwitch(@DefaultValue("PT24H") @NotNull Duration linkValid,
                               @DefaultValue("https://www.gigafibre.ca/") @NotBlank String returnUrl,
                               @DefaultValue("PT5M") @NotNull Duration interval) {

        @AssertTrue(message = "link-valid and interval must be longer than zero / doivent être plus longs que zéro")
        public boolean isPositive() {
            return positive(linkValid) && positive(interval);
        }
    }

    /** The reconciler's interval and quiet time must be longer than zero, its window too (a zero interval spins). */
    @AssertTrue(message = "charge-reconcile-interval, -after and -window must be longer than zero / doivent être plus longs que zéro")
    public boolean isChargeReconcilePositive() {
        return positive(chargeReconcileInterval) && positive(chargeReconcileAfter) && positive(chargeReconcileWindow);
    }

    private static boolean positive(Duration duration) {
        return duration == null || !(duration.isNegative() || duration.isZero());   // null is @NotNull's to report
    }
}
