package ca.gigafibre.automation.collections.arrangement;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.platform.error.FieldProblem;
import ca.gigafibre.automation.platform.error.InvalidRequestException;
import ca.gigafibre.automation.platform.time.FormDates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordArrangement}: the arrangement negotiated in the task becomes the account's (same path as the API).
 * Runs in the task's completion, so a blank or past value refuses the completion with the field at fault and the
 * task stays open; nothing becomes an incident.
 */
@Component("recordArrangement")
public class RecordArrangementDelegate implements JavaDelegate {

    private final ArrangementService arrangements;

    public RecordArrangementDelegate(ArrangementService arrangements) {
        this.arrangements = arrangements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<FieldProblem> problems = new ArrayList<>();
        BigDecimal amount = amount(execution.getVariable("arrangementAmount"), problems);
        LocalDate due = FormDates.todayOrLater(execution.getVariable("arrangementDueDate"), "arrangementDueDate", problems);
        LocalDate cutoff = FormDates.todayOrLater(execution.getVariable("arrangementCutoffDate"), "arrangementCutoffDate", problems);
        if (cutoff != null && due != null && cutoff.isBefore(due)) {
            problems.add(new FieldProblem("arrangementCutoffDate", "must not be before the due date " + due));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        ArrangementView made = arrangements.record(CustomerNo.of((String) execution.getVariable("customerId")), new NewArrangement(amount, due, cutoff,
                (String) execution.getVariable("arrangementMethod"), (String) execution.getVariable("arrangementNote"), null));
        execution.setVariable("arrangementId", made.id());
        execution.setVariable("arrangementDueEnd", arrangements.dueCheck(due));
        execution.setVariable("arrangementCutoffStart", arrangements.cutoffCheck(cutoff));
    }

    private static BigDecimal amount(Object value, List<FieldProblem> problems) {
        try {
            BigDecimal amount = value == null || value.toString().isBlank() ? null : new BigDecimal(value.toString());
            if (amount == null || amount.signum() <= 0) {
                problems.add(new FieldProblem("arrangementAmount", "must be a positive amount"));
                return null;
            }
            return amount.setScale(2, java.math.RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem("arrangementAmount", "must be a positive amount"));
            return null;
        }
    }
}
