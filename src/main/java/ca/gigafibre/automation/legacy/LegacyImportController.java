package ca.gigafibre.automation.legacy;

import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.error.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admins import the legacy tables (Phase 13) from the legacy MariaDB and follow the import (JSON, or CSV). */
@RestController
@RequestMapping("/api/admin/imports")
public class LegacyImportController {

    private final LegacyImports imports;

    public LegacyImportController(LegacyImports imports) {
        this.imports = imports;
    }

    @PostMapping
    @Operation(summary = "Import the legacy tables from the legacy MariaDB in the background (202 with the run id); resumes a stopped import")
    public ResponseEntity<Map<String, Object>> start(@Valid @RequestBody ImportRequest request) {
        LegacyImports.Started started = imports.start(request, AuditLog.currentActor());
        return ResponseEntity.accepted().body(Map.of("id", started.id(), "resumed", started.resumed()));
    }

    @GetMapping(value = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "An import: status, per legacy table read/imported/unchanged/rejected, and every reject")
    public ImportReport get(@PathVariable long id) {
        return imports.report(id).orElseThrow(() -> new NotFoundException("Import", String.valueOf(id), "id"));
    }

    @GetMapping(value = "/{id}", produces = "text/csv")
    public ResponseEntity<String> csv(@PathVariable long id) {
        ImportReport report = imports.report(id).orElseThrow(() -> new NotFoundException("Import", String.valueOf(id), "id"));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(ImportReportCsv.of(report));
    }
}
