package ca.gigafibre.automation.provisioning;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code automation.provisioning.*}, one record for provisioning: how often and how many times the CPE's inform to
 * GenieACS is checked before a person is asked, the pool public IPs are taken from, how long a deactivated service's
 * network is kept ({@code P0D}: removed at once). BPMN reads it through {@link ProvisioningTimers} (bean
 * {@code provisioningSettings}) and {@code deactivation.DeactivationSettings}. A harmful value fails start-up naming the key.
 */
@Validated
@ConfigurationProperties("automation.provisioning")
public record ProvisioningSettings(
        @DefaultValue("PT1M") @NotNull Duration cpePollInterval,
        @DefaultValue("10") @Positive int cpeMaxChecks,
        @DefaultValue("96.125.224.0/20") @NotBlank String ipPool,
        @DefaultValue("P30D") @NotNull Period deactivationGrace) {

    /** A zero poll interval would spin on GenieACS; a negative grace has no meaning. */
    @AssertTrue(message = "cpe-poll-interval must be longer than zero and deactivation-grace not negative / doit être plus long que zéro, ne doit pas être négatif")
    public boolean isIntervalsValid() {
        return (cpePollInterval == null || !(cpePollInterval.isNegative() || cpePollInterval.isZero()))
                && (deactivationGrace == null || !deactivationGrace.isNegative());
    }
}
