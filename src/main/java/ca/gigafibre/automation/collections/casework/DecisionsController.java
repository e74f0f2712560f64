package ca.gigafibre.automation.collections.casework;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.rules.DecisionLog;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Why the engine did what it did to an account: its rule decisions, newest first. */
@RestController
@Validated
public class DecisionsController {

    private final CustomerRepository customers;
    private final DecisionLog decisions;

    public DecisionsController(CustomerRepository customers, DecisionLog decisions) {
        this.customers = customers;
        this.decisions = decisions;
    }

    @GetMapping("/api/customers/{id}/decisions")
    @Operation(summary = "Rule decisions about the account: facts, rules fired, rule-set version, explanation in French and English")
    public List<DecisionLog.LoggedDecision> decisions(@PathVariable CustomerNo id,
                                                      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return decisions.forCustomer(customers.idOf(id, "id"), limit);
    }
}
