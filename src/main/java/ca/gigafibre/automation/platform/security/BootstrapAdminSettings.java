package ca.gigafibre.automation.platform.security;

import jakarta.validation.constraints.AssertTrue;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code automation.bootstrap-admin.id}, {@code password} ({@code AUTOMATION_ADMIN_USER}, {@code AUTOMATION_ADMIN_PASSWORD}):
 * the first administrator {@link BootstrapAdmin} creates; none while the id is empty. An id without a password would
 * create an administrator nobody can log in as: start-up stops naming the keys. The password is never printed.
 */
@Validated
@ConfigurationProperties("automation.bootstrap-admin")
public record BootstrapAdminSettings(String id, String password) {

    public BootstrapAdminSettings {
        id = id == null ? "" : id;
        password = password == null ? "" : password;
    }

    public boolean configured() {
        return !id.isBlank();
    }

    @AssertTrue(message = "password (AUTOMATION_ADMIN_PASSWORD) must be set when id (AUTOMATION_ADMIN_USER) is / est requis avec id")
    public boolean isPasswordGivenWithId() {
        return !configured() || !password.isBlank();
    }

    @Override
    public String toString() {
        return "BootstrapAdminSettings[id=" + id + ", password=" + (password.isBlank() ? "(none)" : "***") + "]";
    }
}
