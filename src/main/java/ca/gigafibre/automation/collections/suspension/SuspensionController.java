package ca.gigafibre.automation.collections.suspension;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.platform.error.MalformedRequestException;
import ca.gigafibre.automation.platform.security.Groups;
import ca.gigafibre.automation.platform.time.BusinessTime;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
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
    @Operation(summary = "Suspend an account (staff request) for non-payment, customer-request (on effectiveDate), abuse or fraud; "
            + "the suspension rules decide per reason (notice, cut window, approval)")
    public ResponseEntity<SuspensionService.Started> suspend(@PathVariable CustomerNo id, @Valid @RequestBody SuspensionRequest request,
                                                             Authentication caller) {
        if (request.effectiveDate() != null && request.effectiveDate().isBefore(BusinessTime.today())) {
            throw new MalformedRequestException("effectiveDate", "must be today or later");
        }
        boolean admin = caller.getAuthorities().stream().anyMatch(a -> Groups.authority(Groups.ADMINS).equals(a.getAuthority()));
        return ResponseEntity.accepted().body(suspensions.suspend(id, request, caller.getName(), admin));
    }

    @DeleteMapping
    @Operation(summary = "Reactivate a suspended account, whatever its suspension's reason: OLT enabled, phone lines live, suspension closed")
    public ResponseEntity<SuspensionService.Started> reactivate(@PathVariable CustomerNo id, @RequestParam @NotBlank String reason) {
        return ResponseEntity.accepted().body(suspensions.reactivate(id, reason));
    }
}
