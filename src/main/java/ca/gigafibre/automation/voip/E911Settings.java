package ca.gigafibre.automation.voip;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code automation.e911.*}: how long a line's 911 address may stay unconfirmed before ops are asked to act (BPMN reads it
 * through {@link E911Timers}, bean {@code e911Settings}) and when the nightly 911 audit runs. A harmful value fails start-up.
 */
@Validated
@ConfigurationProperties("automation.e911")
public record E911Settings(@DefaultValue("PT4H") @NotNull Duration escalateAfter,
                           @DefaultValue("0 30 2 * * ?") @NotBlank String auditCron) {

    /** Zero would escalate every address change before the 911 provider could confirm it. */
    @AssertTrue(message = "escalate-after must be longer than zero / doit être plus long que zéro")
    public boolean isEscalateAfterPositive() {
        return escalateAfter == null || !(escalateAfter.isNegative() || escalateAfter.isZero());
    }
}
