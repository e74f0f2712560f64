package ca.gigafibre.automation.collections;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_RecordArrangement}: the arrangement negotiated in the task becomes the account's (same path as the API). */
@Component("recordArrangement")
public class RecordArrangementDelegate implements JavaDelegate {

    private final ArrangementService arrangements;

    public RecordArrangementDelegate(ArrangementService arrangements) {
        this.arrangements = arrangements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate due = LocalDate.parse(execution.getVariable("arrangementDueDate").toString().substring(0, 10));
        LocalDate cutoff = LocalDate.parse(execution.getVariable("arrangementCutoffDate").toString().substring(0, 10));
        ArrangementView made = arrangements.record((String) execution.getVariable("customerId"), new NewArrangement(
                new BigDecimal(execution.getVariable("arrangementAmount").toString()), due, cutoff,
                (String) execution.getVariable("arrangementMethod"), (String) execution.getVariable("arrangementNote"), null));
        execution.setVariable("arrangementId", made.id());
        execution.setVariable("arrangementDueEnd", ArrangementService.endOf(due));
        execution.setVariable("arrangementCutoffStart", ArrangementService.startOf(cutoff));
    }
}
