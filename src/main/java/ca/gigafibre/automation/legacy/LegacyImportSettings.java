package ca.gigafibre.automation.legacy;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code automation.legacy-import.batch-size}: legacy rows read, written and checkpointed per committed batch of the legacy
 * import ({@link LegacyImporter}, default 1000). A batch of zero rows would never move past the first checkpoint: start-up
 * stops naming the key.
 */
@Validated
@ConfigurationProperties("automation.legacy-import")
public record LegacyImportSettings(@DefaultValue("1000") @Positive int batchSize) {
}
