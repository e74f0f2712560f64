package ca.gigafibre.automation.provisioning;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ProvisioningController {

    private final ServiceOrderService orders;

    public ProvisioningController(ServiceOrderService orders) {
        this.orders = orders;
    }

    @PostMapping("/api/locations/{id}/services")
    @Operation(summary = "Order a service at a location: OLT registration, CPE set-up, IP, phone lines with 911; 202 with the process")
    public ResponseEntity<ServiceOrderView> order(@PathVariable String id, @Valid @RequestBody NewServiceOrder order) {
        return ResponseEntity.accepted().body(orders.order(id, order));
    }
}
