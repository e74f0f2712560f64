package ca.gigafibre.automation.customer;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/customers")
public class CustomerController {

    private final CustomerService service;

    public CustomerController(CustomerService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Create a customer with the first service location")
    public ResponseEntity<CustomerView> create(@Valid @RequestBody NewCustomer request) {
        CustomerView created = service.create(request);
        return ResponseEntity.created(URI.create("/api/customers/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Customer 360: the customer, locations, subscriptions, balance, payment methods, arrangements")
    public CustomerView get(@PathVariable String id) {
        return service.get(id);
    }

    @GetMapping
    @Operation(summary = "Search by name, company, phone, e-mail, address, customer id or legacy id")
    public List<CustomerSummary> search(@RequestParam @NotBlank String q,
                                        @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return service.search(q, limit);
    }
}
