package ca.gigafibre.automation.provisioning;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ProvisioningController {

    private final ServiceOrderService orders;
    private final NetworkReconciliation network;

    public ProvisioningController(ServiceOrderService orders, NetworkReconciliation network) {
        this.orders = orders;
        this.network = network;
    }

    @GetMapping(value = "/api/reports/network-drift", produces = {"application/json", "text/csv"})
    @Operation(summary = "What the OLT and the PBX reported differently from our data at the last nightly reconciliation")
    public List<NetworkDrift> networkDrift() {
        return network.latestDrift();
    }

    @PostMapping("/api/locations/{id}/services")
    @Operation(summary = "Order a service at a location: OLT registration, CPE set-up, IP, phone lines with 911; 202 with the process")
    public ResponseEntity<ServiceOrderView> order(@PathVariable String id, @Valid @RequestBody NewServiceOrder order) {
        return ResponseEntity.accepted().body(orders.order(id, order));
    }
}
