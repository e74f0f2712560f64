package ca.gigafibre.automation.billing.stripe;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.adapter.ExternalRequestRejected;
import ca.gigafibre.automation.adapter.ExternalSystemUnavailable;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class StripeSwitchController {

    private final StripeSwitchService service;

    public StripeSwitchController(StripeSwitchService service) {
        this.service = service;
    }

    @PostMapping("/api/customers/{id}/ppa/stripe-switch")
    @Operation(summary = "Switch auto-pay to a card through Stripe: the customer receives a link to save a card (202); PPA switches when "
            + "Stripe reports the card saved. Asked again while a link waits: the same switch, nothing sent again")
    public ResponseEntity<StripeSwitchView> request(@PathVariable CustomerNo id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(service.request(id));
    }

    @GetMapping("/api/customers/{id}/ppa/stripe-switch")
    @Operation(summary = "The customer's latest switch of auto-pay to a Stripe card and where it stands")
    public StripeSwitchView latest(@PathVariable CustomerNo id) {
        return service.latest(id);
    }

    /** Stripe down or refusing: the switch stays requested and nothing was sent; asking again resumes it. */
    @ExceptionHandler({ExternalSystemUnavailable.class, ExternalRequestRejected.class})
    ResponseEntity<ProblemDetail> onStripe(RuntimeException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Stripe did not answer: " + ex.getMessage() + ". Nothing was sent to the customer; ask again later (the same switch resumes).");
        problem.setTitle("Stripe unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
    }
}
