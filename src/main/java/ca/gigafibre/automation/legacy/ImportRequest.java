package ca.gigafibre.automation.legacy;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import java.util.List;

/**
 * {@code POST /api/admin/imports}: the legacy MariaDB ({@code jdbc:mariadb://host:3306/db}), its read-only user and
 * password (write-only, never stored), whether to only report what would happen, and optionally which legacy tables.
 */
public record ImportRequest(
        @NotBlank String jdbcUrl,
        @NotBlank String user,
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String password,
        Boolean dryRun,
        List<String> tables) {

    public boolean isDryRun() {
        return Boolean.TRUE.equals(dryRun);
    }

    @Override
    public String toString() {
        return "ImportRequest[" + jdbcUrl + ", user " + user + ", password ***, dryRun " + isDryRun() + ", tables " + tables + "]";
    }
}
