package ca.gigafibre.automation.collections.writeoff;

import ca.gigafibre.automation.collections.CollectionsSettings;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code account-collections-suspension / Task_PlanNextWriteOffReview}: collecting goes on; a person looks again after the same delay. */
@Component("planWriteOffReview")
public class PlanWriteOffReviewDelegate implements JavaDelegate {

    private final CollectionsSettings settings;

    public PlanWriteOffReviewDelegate(CollectionsSettings settings) {
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("writeOffReviewAt", Date.from(BusinessTime.now().plus(settings.writeOffReviewAfter()).toInstant()));
    }
}
