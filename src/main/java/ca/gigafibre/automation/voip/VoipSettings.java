package ca.gigafibre.automation.voip;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code automation.voip.*}: the SIP registrar an ATA is configured to register with. The 911 keys are {@link E911Settings}. */
@Validated
@ConfigurationProperties("automation.voip")
public record VoipSettings(@DefaultValue("sip.gigafibre.ca") @NotBlank String sipRegistrar) {
}
