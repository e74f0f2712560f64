package ca.gigafibre.automation.rules;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code automation.rules.sync-interval}: how often a node checks which rule set is in force ({@link RuleSetSync}, default
 * {@code PT5S}). The node's name is {@code platform.NodeSettings}'. The poller takes no interval under a millisecond and
 * would fail once the engine is up: such an interval stops start-up naming the key instead.
 */
@Validated
@ConfigurationProperties("automation.rules")
public record RulesSettings(@DefaultValue("PT5S") @NotNull Duration syncInterval) {

    @AssertTrue(message = "sync-interval must be longer than zero / doit être plus long que zéro")
    public boolean isSyncIntervalPositive() {
        return syncInterval == null || syncInterval.toMillis() > 0;   // null is @NotNull's to report; the poller counts milliseconds
    }
}
