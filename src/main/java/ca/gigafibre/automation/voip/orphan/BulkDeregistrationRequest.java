package ca.gigafibre.automation.voip.orphan;

import java.util.List;
import java.util.UUID;

/**
 * {@code POST /api/reports/e911-orphans/deregistrations}: {@code {"dids": [...], "confirm": false}} previews (nothing
 * removed, a token returned); {@code {"confirm": true, "previewToken": "..."}} removes what that preview listed
 * ({@code dids}, when given again, must be the same list).
 */
public record BulkDeregistrationRequest(List<String> dids, Boolean confirm, UUID previewToken) {
}
