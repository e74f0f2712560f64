package ca.gigafibre.automation.legacy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** {@code GET /api/admin/imports/{id}}: where the import is, per legacy table, and every reject. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportReport(long id, String status, boolean dryRun, String source, String user, OffsetDateTime startedAt,
                           OffsetDateTime finishedAt, String error, Map<String, TableReport> tables, List<RejectRow> rejects) {
}
