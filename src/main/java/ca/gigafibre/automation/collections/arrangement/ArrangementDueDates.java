package ca.gigafibre.automation.collections.arrangement;

import ca.gigafibre.automation.customer.CustomerNo;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * {@code ${arrangementDueDates.latestDueCheck(customerId)}}: when {@code SubProcess_ArrangementRunning} judges the
 * arrangement just made (read-only; BPMN expressions reach nothing else of the arrangements).
 */
@Component("arrangementDueDates")
public class ArrangementDueDates implements ca.gigafibre.automation.workflow.ExpressionBean {

    private final ArrangementService arrangements;

    public ArrangementDueDates(ArrangementService arrangements) {
        this.arrangements = arrangements;
    }

    /** The day after the account's newest open arrangement is due, at its start (nothing the customer feels happens then). */
    public Date latestDueCheck(String customerNo) {
        return arrangements.dueCheck(arrangements.latestOpen(CustomerNo.of(customerNo)).dueDate());
    }
}
