package ca.gigafibre.automation.billing.payment;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class PaymentController {

    private final PaymentService payments;

    public PaymentController(PaymentService payments) {
        this.payments = payments;
    }

    @PostMapping("/api/payments")
    @Operation(summary = "Record a payment: allocated oldest invoice first, PaymentReceived correlated; "
            + "a retry with the same Idempotency-Key returns the first answer and writes nothing")
    public ResponseEntity<PaymentView> record(@Valid @RequestBody NewPayment payment,
                                              @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        PaymentView recorded = payments.record(payment, idempotencyKey);
        return recorded.replayed() ? ResponseEntity.ok(recorded)
                : ResponseEntity.created(URI.create("/api/payments/" + recorded.id())).body(recorded);
    }
}
