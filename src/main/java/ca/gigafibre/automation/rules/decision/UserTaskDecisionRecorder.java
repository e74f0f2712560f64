package ca.gigafibre.automation.rules.decision;

import ca.gigafibre.automation.rules.DecisionLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * A person's decision, logged when they complete the task: who (the authenticated user completing it, else the
 * assignee), when, and what — the task's decision variables as the model declares them ({@code camunda:property
 * name="decision"}), the first being the outcome. Variables named like secrets are never copied.
 */
class UserTaskDecisionRecorder implements TaskListener {

    private final List<String> variables;
    private final DecisionLog log;
    private final ProcessCustomer customers;

    UserTaskDecisionRecorder(List<String> variables, DecisionLog log, ProcessCustomer customers) {
        this.variables = variables.stream().filter(name -> !SecretNames.isSecret(name)).toList();
        this.log = log;
        this.customers = customers;
    }

    @Override
    public void notify(DelegateTask task) {
        Map<String, Object> decided = new LinkedHashMap<>();
        for (String name : variables) {
            decided.put(name, task.getVariable(name));
        }
        String who = completedBy(task);
        Bilingual name = Bilingual.of(withoutSubject(task));
        List<String> fr = new ArrayList<>();
        List<String> en = new ArrayList<>();
        decided.forEach((variable, value) -> {
            fr.add(variable + " = " + said(value, "oui", "non", "« ", " »"));
            en.add(variable + " = " + said(value, "yes", "no", "\"", "\""));
        });
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("task", task.getName());
        facts.put("taskId", task.getId());
        facts.put("completedAt", ClockUtil.getCurrentTime().toInstant().toString());
        facts.put("decided", decided);
        String outcome = variables.isEmpty() ? "completed" : variables.get(0) + "=" + decided.get(variables.get(0));
        log.record(new DecisionLog.Entry(task.getTaskDefinitionKey(), customers.of(task.getExecution()),
                task.getExecution().getProcessBusinessKey(), outcome, facts, List.of(), task.getProcessDefinitionId(),
                "« " + name.fr() + " » décidé par " + who + " : " + String.join(" ; ", fr),
                "\"" + name.en() + "\" decided by " + who + ": " + String.join("; ", en),
                task.getProcessInstanceId(), who));
    }

    private static String completedBy(DelegateTask task) {
        CommandContext command = Context.getCommandContext();
        String authenticated = command == null ? null : command.getAuthenticatedUserId();
        if (authenticated != null) {
            return authenticated;
        }
        return task.getAssignee() != null ? task.getAssignee() : "?";
    }

    private static String said(Object value, String yes, String no, String open, String close) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Boolean b) {
            return b ? yes : no;
        }
        return value instanceof String text ? open + text + close : value.toString();
    }

    /**
     * The task's kind, without who it is about: a name ends with {@code — ${taskSubject}} (the customer and amount, for
     * Tasklist's list), which the decision record already holds as its customer.
     */
    private static String withoutSubject(DelegateTask task) {
        String name = task.getName();
        Object subject = task.getVariable("taskSubject");
        String suffix = " — " + (subject == null ? "" : subject);
        return name != null && name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : name;
    }
}
