package ca.gigafibre.automation.collections;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/customers/{id}/suspension")
public class SuspensionController {

    private final SuspensionService suspensions;

    public SuspensionController(SuspensionService suspensions) {
        this.suspensions = suspensions;
    }

    @PostMapping
    @Operation(summary = "Suspend an account (staff request): the suspension rules still decide, VIP/commercial need approval")
    public ResponseEntity<SuspensionService.Started> suspend(@PathVariable String id, @Valid @RequestBody SuspensionRequest request) {
        return ResponseEntity.accepted().body(suspensions.suspend(id, request.reason()));
    }

    @DeleteMapping
    @Operation(summary = "Reactivate a suspended account: OLT enabled, phone lines live, suspension closed")
    public ResponseEntity<SuspensionService.Started> reactivate(@PathVariable String id, @RequestParam @NotBlank String reason) {
        return ResponseEntity.accepted().body(suspensions.reactivate(id, reason));
    }
}
