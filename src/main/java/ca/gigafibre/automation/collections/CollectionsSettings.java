package ca.gigafibre.automation.collections;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code automation.collections.*}, one record for the collections wing (README, Configuration): how long a case
 * negotiates before the suspension rules are asked and before a write-off review, how long a cutoff notice counts, the
 * suspension rules' grace and notice days, the nightly sweep's calendar and page. The cut days and window
 * ({@code cut-days}, {@code cut-window-*}) are {@code platform.time.BusinessHours}'. A value that would do harm
 * (negative days, a zero period or page) fails start-up naming the key.
 */
@Validated
@ConfigurationProperties("automation.collections")
public record CollectionsSettings(
        @DefaultValue("P30D") @NotNull Period suspensionReviewAfter,
        @DefaultValue("P120D") @NotNull Period writeOffReviewAfter,
        @DefaultValue("30") @Positive int noticeValidDays,
        @DefaultValue("30") @PositiveOrZero int suspensionGraceDays,
        @DefaultValue("5") @PositiveOrZero int suspensionNoticeDays,
        @DefaultValue("0 30 1 * * ?") @NotBlank String sweepCron,
        @DefaultValue("500") @Positive int sweepPageSize) {

    /** A case that waited zero days before the suspension rules or a write-off review would skip negotiation. */
    @AssertTrue(message = "suspension-review-after and write-off-review-after must be longer than zero / doivent être plus longs que zéro")
    public boolean isReviewPeriodsPositive() {
        return positive(suspensionReviewAfter) && positive(writeOffReviewAfter);
    }

    private static boolean positive(Period period) {
        return period == null || !(period.isNegative() || period.isZero());   // null is @NotNull's to report
    }
}
