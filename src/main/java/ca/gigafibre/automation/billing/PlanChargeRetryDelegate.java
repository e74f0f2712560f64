package ca.gigafibre.automation.billing;

import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/** {@code Task_PlanChargeRetry}: the analysts' DMN {@code charge-retry} says when to try again, or to give up. */
@Component("planChargeRetry")
public class PlanChargeRetryDelegate implements JavaDelegate {

    private final DecisionService dmn;

    public PlanChargeRetryDelegate(DecisionService dmn) {
        this.dmn = dmn;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int attempt = ((Number) execution.getVariable("chargeAttempt")).intValue();
        Map<String, Object> plan = dmn.evaluateDecisionTableByKey("charge-retry", Map.of("declinedAttempts", attempt)).getSingleResult();
        boolean giveUp = Boolean.TRUE.equals(plan.get("giveUp"));
        execution.setVariable("giveUp", giveUp);
        if (!giveUp) {
            execution.setVariable("retryAfter", "P" + ((Number) plan.get("retryInDays")).intValue() + "D");
            execution.setVariable("chargeAttempt", attempt + 1);
        }
    }
}
