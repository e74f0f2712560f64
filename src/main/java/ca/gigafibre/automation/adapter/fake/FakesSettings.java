package ca.gigafibre.automation.adapter.fake;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code automation.fakes.port}, {@code smtp-port}: where the demo's and the tests' fake external systems
 * ({@link FakeExternalSystems}) and fake SMTP server ({@link FakeMailServer}) listen, 0 for any free port. Whether they run
 * at all is {@code automation.fakes.enabled} (a condition on those beans). A port outside 0–65535 stops start-up naming the key.
 */
@Validated
@ConfigurationProperties("automation.fakes")
public record FakesSettings(@DefaultValue("0") @PositiveOrZero @Max(65535) int port,
                            @DefaultValue("0") @PositiveOrZero @Max(65535) int smtpPort) {
}
