package ca.gigafibre.automation.support.dispatch;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class DispatchJobController {

    private final DispatchJobService service;

    public DispatchJobController(DispatchJobService service) {
        this.service = service;
    }

    @PostMapping("/api/dispatch-jobs")
    @Operation(summary = "Book a technician's visit at a customer's location on a business day, window am/pm/day; without technicianId, "
            + "the best free technician as rules/technician-ranking.drl ranks them (201)")
    public ResponseEntity<DispatchJobView> book(@Valid @RequestBody DispatchJobRequest request) {
        DispatchJobView booked = service.book(request);
        return ResponseEntity.created(URI.create("/api/dispatch-jobs/" + booked.id())).body(booked);
    }

    @GetMapping("/api/dispatch-jobs/{id}")
    @Operation(summary = "A dispatch job: where, when, which technician and why")
    public DispatchJobView get(@PathVariable String id) {
        return service.get(id);
    }
}
