package ca.gigafibre.automation.collections.arrangement;

import ca.gigafibre.automation.rules.DecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_CheckArrangement}: {@code rules/arrangement-cutoff.drl} judges the arrangement at its due or cutoff date. */
@Component("checkArrangement")
public class CheckArrangementDelegate implements JavaDelegate {

    private final ArrangementJudge judge;

    public CheckArrangementDelegate(ArrangementJudge judge) {
        this.judge = judge;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DecisionResult result = judge.judge((String) execution.getVariable("arrangementId"), execution.getProcessInstanceId());
        execution.setVariable("arrangementOutcome", result.outcome());
        execution.setVariable("decisionExplanation", result.explanation());
    }
}
