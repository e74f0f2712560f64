package ca.gigafibre.automation.platform.security;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code automation.security.*} but SSO ({@code oidc.*}, {@link OidcProperties}): how long ten wrong passwords lock an
 * account and how many wrong logins one client address may make in that time ({@code login.LoginLockoutPlugin},
 * {@code login.LoginThrottleConfiguration}), and the largest request bodies accepted ({@link RequestBodyLimitConfiguration}).
 * A lockout of zero or less would lock nobody (or for ever), a limit of zero would refuse every body: start-up stops naming the key.
 */
@Validated
@ConfigurationProperties("automation.security")
public record SecuritySettings(@DefaultValue("PT15M") @NotNull Duration lockoutDuration,
                               @DefaultValue("20") @Positive int clientMaxFailures,
                               @DefaultValue("256KB") @NotNull DataSize maxWebhookBody,
                               @DefaultValue("2MB") @NotNull DataSize maxRequestBody) {

    @AssertTrue(message = "lockout-duration must be longer than zero / doit être plus long que zéro")
    public boolean isLockoutPositive() {
        return lockoutDuration == null || !(lockoutDuration.isNegative() || lockoutDuration.isZero());   // null is @NotNull's to report
    }

    @AssertTrue(message = "max-webhook-body and max-request-body must be larger than zero / doivent être plus grands que zéro")
    public boolean isBodyLimitsPositive() {
        return (maxWebhookBody == null || maxWebhookBody.toBytes() > 0) && (maxRequestBody == null || maxRequestBody.toBytes() > 0);
    }
}
