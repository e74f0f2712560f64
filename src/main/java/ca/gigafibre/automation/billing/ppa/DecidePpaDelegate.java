package ca.gigafibre.automation.billing.ppa;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_DecidePpa}: {@code rules/ppa-charging.drl} decides whether, how, how much and when the invoice is
 * charged; the decision is logged with its facts and explained in {@code decisionExplanation}.
 */
@Component("decidePpa")
public class DecidePpaDelegate implements JavaDelegate {

    private final PpaDecider decider;

    public DecidePpaDelegate(PpaDecider decider) {
        this.decider = decider;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PpaDecider.Decided decided = decider.decide(execution.getProcessBusinessKey());
        decider.record(decided, execution.getProcessInstanceId());
        execution.setVariables(decided.variables());
    }
}
