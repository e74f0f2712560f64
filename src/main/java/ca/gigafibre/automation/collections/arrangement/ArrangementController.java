package ca.gigafibre.automation.collections.arrangement;

import ca.gigafibre.automation.customer.CustomerNo;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/customers/{id}/arrangements")
public class ArrangementController {

    private final ArrangementService arrangements;

    public ArrangementController(ArrangementService arrangements) {
        this.arrangements = arrangements;
    }

    @PostMapping
    @Operation(summary = "Record a payment arrangement (amount, due date, cutoff date, method); the account's collections follow it")
    public ResponseEntity<ArrangementView> record(@PathVariable CustomerNo id, @Valid @RequestBody NewArrangement arrangement) {
        ArrangementView made = arrangements.record(id, arrangement);
        return ResponseEntity.created(URI.create("/api/customers/" + id + "/arrangements")).body(made);
    }

    @GetMapping
    @Operation(summary = "The account's payment arrangements, newest first")
    public List<ArrangementView> list(@PathVariable CustomerNo id) {
        return arrangements.ofCustomer(id);
    }
}
