package ca.gigafibre.automation.billing.payment;

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
@RequestMapping("/api/customers/{id}/payment-methods")
public class PaymentMethodController {

    private final PaymentMethodService service;

    public PaymentMethodController(PaymentMethodService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "Payment methods on file (tokens and bank accounts are never returned)")
    public List<PaymentMethodView> list(@PathVariable CustomerNo id) {
        return service.list(id);
    }

    @PostMapping
    @Operation(summary = "Add a Stripe card, Paysafe card token or bank PPA; secrets are write-only and stored encrypted")
    public ResponseEntity<PaymentMethodView> add(@PathVariable CustomerNo id, @Valid @RequestBody NewPaymentMethod request) {
        PaymentMethodView created = service.add(id, request);
        return ResponseEntity.created(URI.create("/api/customers/" + id + "/payment-methods/" + created.id())).body(created);
    }
}
