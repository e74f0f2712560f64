package ca.gigafibre.automation.billing;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;

/**
 * Where an invoice's billing-collections ended: the end event it reached, also one inside its event subprocess; null
 * while it runs.
 */
public final class InvoiceProcessEnd {

    private InvoiceProcessEnd() {
    }

    public static String endEventOf(HistoryService history, String invoice) {
        HistoricProcessInstance process = history.createHistoricProcessInstanceQuery().processDefinitionKey("billing-collections")
                .processInstanceBusinessKey(invoice).singleResult();
        if (process.getEndTime() == null) {
            return null;
        }
        return history.createHistoricActivityInstanceQuery().processInstanceId(process.getId()).activityType("noneEndEvent").finished()
                .singleResult().getActivityId();
    }
}
