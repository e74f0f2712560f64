package ca.gigafibre.automation.demo;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code automation.demo.scale}, {@code seed}: the synthetic data the demo loads on its first start ({@link DemoDataOnStart},
 * a scale of the legacy volumes, default 0.1) and the seed it and {@code POST /api/admin/demo-data} draw from when none is
 * given (default 20261123). Whether it loads on start is {@code automation.demo.load-on-start} (a condition on that bean).
 * The generator takes a scale above 0 and at most 10 only, and would refuse another once the engine is up: such a scale
 * stops start-up naming the key instead.
 */
@Validated
@ConfigurationProperties("automation.demo")
public record DemoSettings(@DefaultValue("0.1") @Positive @DecimalMax("10") double scale, @DefaultValue("20261123") long seed) {
}
