package ca.gigafibre.automation.provisioning;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code automation.network.reconciliation-cron}: when the nightly comparison of the OLT's and the PBX's states with ours
 * runs ({@link NetworkReconciliationJob}; Quartz cron, Montreal time, default {@code 0 0 3 * * ?}). An empty cron would
 * never schedule it: start-up stops naming the key.
 */
@Validated
@ConfigurationProperties("automation.network")
public record NetworkSettings(@DefaultValue("0 0 3 * * ?") @NotBlank String reconciliationCron) {
}
