package ca.gigafibre.automation.erpnext.outbox;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A failed post is an ops task in Tasklist ({@code erpnext-posting-failure}, business key {@code ERP-OUTBOX-<id>}): it
 * says what was not posted and ERPNext's words; completing it (once the cause is fixed) retries the entry, as
 * {@code POST /api/admin/erpnext/outbox/{id}/retry} does, which completes the task too.
 */
@Component
public class OutboxFailures {

    public static final String PROCESS = "erpnext-posting-failure";

    private final RuntimeService runtime;
    private final TaskService tasks;

    public OutboxFailures(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    public static String businessKey(long entryId) {
        return "ERP-OUTBOX-" + entryId;
    }

    /** In the transaction that marks the entry failed. */
    public void open(OutboxEntry entry, String error) {
        runtime.startProcessInstanceByKey(PROCESS, businessKey(entry.id()), Map.of("outboxId", entry.id(), "doctype", entry.doctype(),
                "engineId", entry.engineId(), "customerId", entry.customerId(), "error", error));
    }

    /** Completes the entry's open task, if any: its process retries the entry. @return whether a task was open */
    public boolean completeTask(long entryId) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey(entryId)).processDefinitionKey(PROCESS).active()
                .singleResult();
        if (task == null) {
            return false;
        }
        tasks.complete(task.getId());
        return true;
    }
}
