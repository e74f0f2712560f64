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
        LocalDate due = date(execution.getVariable("arrangementDueDate"));
        LocalDate cutoff = date(execution.getVariable("arrangementCutoffDate"));
        ArrangementView made = arrangements.record((String) execution.getVariable("customerId"), new NewArrangement(
                new BigDecimal(execution.getVariable("arrangementAmount").toString()), due, cutoff,
                (String) execution.getVariable("arrangementMethod"), (String) execution.getVariable("arrangementNote"), null));
        execution.setVariable("arrangementId", made.id());
        execution.setVariable("arrangementDueEnd", ArrangementService.dueCheck(due));
        execution.setVariable("arrangementCutoffStart", ArrangementService.cutoffCheck(cutoff));
    }

    /** The form's date field gives "2026-03-26"; a variable set through the REST API may be a Date. */
    private static LocalDate date(Object value) {
        if (value instanceof java.util.Date date) {
            return date.toInstant().atZone(ca.gigafibre.automation.platform.time.BusinessTime.ZONE).toLocalDate();
        }
        return LocalDate.parse(value.toString().substring(0, 10));
    }
}
