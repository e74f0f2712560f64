package ca.gigafibre.automation.support;

import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * {@code support-resolution / Gateway_Route} starts, in the job after the triage (its async continuation): the SLA timer
 * (its event subprocess's, created when the process started, before the triage, due far ahead) moves to the triaged
 * deadline {@code slaDueAt}. The start has committed by then, so the timer is a job the engine's public API finds and moves.
 */
@Component("moveSlaTimer")
public class MoveSlaTimer implements ExecutionListener {

    static final String SLA_TIMER = "StartEvent_SlaPassed";

    @Override
    public void notify(DelegateExecution execution) {
        ManagementService management = execution.getProcessEngineServices().getManagementService();
        Job timer = management.createJobQuery().processInstanceId(execution.getProcessInstanceId()).activityId(SLA_TIMER).singleResult();
        if (timer != null) {   // none once it fired: a ticket routed again after its escalation keeps it
            management.setJobDuedate(timer.getId(), (Date) execution.getVariable("slaDueAt"));
        }
    }
}
