package ca.gigafibre.automation.testing;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Looks into the stage a process called (a call activity's instance), running or ended. */
public final class CalledStages {

    private CalledStages() {
    }

    /** The running instance of {@code key} that {@code caller} waits on. */
    public static ProcessInstance running(ProcessEngine engine, ProcessInstance caller, String key) {
        return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(caller.getId())
                .processDefinitionKey(key).singleResult();
    }

    /** Ids of the activities finished in every instance of {@code key} that {@code caller} called. */
    public static List<String> passed(ProcessEngine engine, ProcessInstance caller, String key) {
        List<HistoricProcessInstance> called = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .superProcessInstanceId(caller.getId()).processDefinitionKey(key).list();
        return called.stream().flatMap(stage -> engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(stage.getId()).finished().list().stream()).map(a -> a.getActivityId()).toList();
    }
}
