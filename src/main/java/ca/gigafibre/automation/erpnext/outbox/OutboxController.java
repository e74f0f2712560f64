package ca.gigafibre.automation.erpnext.outbox;

import ca.gigafibre.automation.platform.error.ConflictException;
import ca.gigafibre.automation.platform.error.InvalidRequestException;
import ca.gigafibre.automation.platform.error.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admins follow the ERPNext outbox and send a failed entry again once its cause is fixed. */
@RestController
@RequestMapping("/api/admin/erpnext/outbox")
public class OutboxController {

    private static final Set<String> STATUSES = Set.of("pending", "sent", "failed");

    private final OutboxEntries entries;
    private final OutboxFailures failures;

    public OutboxController(OutboxEntries entries, OutboxFailures failures) {
        this.entries = entries;
        this.failures = failures;
    }

    @GetMapping
    @Operation(summary = "Outbox entries, oldest first (status: pending, sent or failed; all when absent)")
    public List<OutboxEntry> list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "100") int limit) {
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidRequestException("status", "must be pending, sent or failed");
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidRequestException("limit", "must be between 1 and 1000");
        }
        return entries.list(status, limit);
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Send a failed entry again at the relay's next pass (its ops task is completed)")
    public OutboxEntry retry(@PathVariable long id) {
        OutboxEntry entry = entries.find(id).orElseThrow(() -> new NotFoundException("Outbox entry", String.valueOf(id), "id"));
        if (!"failed".equals(entry.status())) {
            throw new ConflictException("outbox entry " + id + " is " + entry.status() + ", not failed");
        }
        if (!failures.completeTask(id)) {
            entries.retry(id);
        }
        return entries.find(id).orElseThrow();
    }
}
