package ca.gigafibre.automation.billing.ppa;

import ca.gigafibre.automation.customer.CustomerNo;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.security.Principal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/customers/{id}/ppa")
public class PpaSettingsController {

    private final PpaSettingsService service;

    public PpaSettingsController(PpaSettingsService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "Is the account on pre-authorized payment (auto-pay), by which method, with which limit")
    public PpaSettings get(@PathVariable CustomerNo id) {
        return service.get(id);
    }

    @PutMapping
    @Operation(summary = "Enrol the account in pre-authorized payment (stripe, paysafe or bank; the method must be on file; bank needs the PAD agreement's channel) or take it out")
    public PpaSettings put(@PathVariable CustomerNo id, @Valid @RequestBody PpaSettings settings, Principal user) {
        return service.put(id, settings, user.getName());
    }
}
