package ca.gigafibre.automation.erpnext.sync;

import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.error.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admins sync master data from ERPNext now (besides the clustered job) and follow a run. */
@RestController
@RequestMapping("/api/admin/erpnext/syncs")
public class ErpNextSyncController {

    private final ErpNextSyncs syncs;

    public ErpNextSyncController(ErpNextSyncs syncs) {
        this.syncs = syncs;
    }

    @PostMapping
    @Operation(summary = "Sync master data from ERPNext now, in the background (202 with the run id; 409 while one runs or when ERPNext is not enabled)")
    public ResponseEntity<Map<String, Object>> start() {
        long id = syncs.start(AuditLog.currentActor());
        return ResponseEntity.accepted().body(Map.of("id", id));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A sync run: status, per doctype read/created/updated/unchanged/rejected, and every reject")
    public SyncRunView get(@PathVariable long id) {
        return syncs.view(id).orElseThrow(() -> new NotFoundException("ERPNext sync", String.valueOf(id), "id"));
    }
}
