package ca.gigafibre.automation.platform.security;

import jakarta.validation.constraints.AssertTrue;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code automation.metrics.user}, {@code password} ({@code AUTOMATION_METRICS_USER}, {@code AUTOMATION_METRICS_PASSWORD}):
 * the service account Prometheus scrapes with ({@link MetricsServiceAccount}); none while the user is empty. A user
 * without a password would be an account nobody can scrape with: start-up stops naming the keys. The password is never printed.
 */
@Validated
@ConfigurationProperties("automation.metrics")
public record MetricsAccountSettings(String user, String password) {

    public MetricsAccountSettings {
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    public boolean configured() {
        return !user.isBlank();
    }

    @AssertTrue(message = "password (AUTOMATION_METRICS_PASSWORD) must be set when user (AUTOMATION_METRICS_USER) is / est requis avec user")
    public boolean isPasswordGivenWithUser() {
        return !configured() || !password.isBlank();
    }

    @Override
    public String toString() {
        return "MetricsAccountSettings[user=" + user + ", password=" + (password.isBlank() ? "(none)" : "***") + "]";
    }
}
