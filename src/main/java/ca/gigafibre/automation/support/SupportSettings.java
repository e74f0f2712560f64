package ca.gigafibre.automation.support;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code automation.support.*}, one record for support: how long to wait for a CPE to inform after a remote fix and how
 * many times, how recent an inform counts as online, the installation warranty. BPMN reads the first two through
 * {@link SupportTimers} (bean {@code supportSettings}). A value that would do harm fails start-up naming the key.
 */
@Validated
@ConfigurationProperties("automation.support")
public record SupportSettings(
        @DefaultValue("PT2M") @NotNull Duration informWait,
        @DefaultValue("5") @Positive int informChecks,
        @DefaultValue("90") @PositiveOrZero int warrantyDays,
        @DefaultValue("PT15M") @NotNull Duration cpeOnlineWithin) {

    /** A zero wait would poll the CPE in a tight loop; a zero "online within" would call every CPE offline. */
    @AssertTrue(message = "inform-wait and cpe-online-within must be longer than zero / doivent être plus longs que zéro")
    public boolean isDurationsPositive() {
        return positive(informWait) && positive(cpeOnlineWithin);
    }

    private static boolean positive(Duration duration) {
        return duration == null || !(duration.isNegative() || duration.isZero());   // null is @NotNull's to report
    }
}
