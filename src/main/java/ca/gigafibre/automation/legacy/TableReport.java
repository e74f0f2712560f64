package ca.gigafibre.automation.legacy;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One legacy table of an import: {@code read} rows, of which {@code imported} (new or changed), {@code unchanged}
 * (already imported as they are) or {@code rejected}; {@code repaired} of the rows kept needed a safe repair,
 * {@code orphans} are 911 addresses without a line in service.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TableReport(String status, Long sourceRows, int read, int imported, int unchanged, int rejected, int repaired,
                          Integer orphans, long millis, String message) {
}
