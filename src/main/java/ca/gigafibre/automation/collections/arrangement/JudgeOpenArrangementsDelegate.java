package ca.gigafibre.automation.collections.arrangement;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.customer.CustomerRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code account-collections / SubProcess_ArrangementRunning / Task_JudgeDueArrangements}: an arrangement's due date has
 * passed while the case waits wherever it waits (a reminder, the cut window, an approval, the write-off review): the
 * rules judge every arrangement of the account still open, so none stays open past its due date.
 */
@Component("judgeOpenArrangements")
public class JudgeOpenArrangementsDelegate implements JavaDelegate {

    private final ArrangementJudge judge;
    private final CustomerRepository customers;

    public JudgeOpenArrangementsDelegate(ArrangementJudge judge, CustomerRepository customers) {
        this.judge = judge;
        this.customers = customers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        judge.judgeOpenOf(customers.idOf(CustomerNo.of((String) execution.getVariable("customerId")), "customerId"), false,
                execution.getProcessInstanceId());
    }
}
