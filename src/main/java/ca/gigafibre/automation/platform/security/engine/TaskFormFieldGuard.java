package ca.gigafibre.automation.platform.security.engine;

import ca.gigafibre.automation.platform.security.GroupAuthorizations;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A person completing a task of a money or service process (task complete or form submission, from the engine REST or
 * Tasklist) sets only what the task's form lets them edit; a read-only form field may come back unchanged. Anything
 * else (a {@code customerId}, an amount, a decision the rules own) is refused before the task completes. The engine
 * and its own code (no authenticated user) are not held to the form.
 */
class TaskFormFieldGuard {

    private static final Set<String> GUARDED = Stream.concat(GroupAuthorizations.MONEY_PROCESSES.stream(),
            GroupAuthorizations.SERVICE_PROCESSES.stream()).collect(Collectors.toUnmodifiableSet());

    private final DeployedFormFields forms;

    TaskFormFieldGuard(DeployedFormFields forms) {
        this.forms = forms;
    }

    void check(TaskEntity task) {
        CommandContext context = Context.getCommandContext();
        if (context.getAuthentication() == null) {
            return;
        }
        Map<String, ?> submitted = submittedVariables(Context.getCommandInvocationContext().getCommand());
        ProcessDefinitionEntity definition = task.getProcessDefinitionId() == null ? null : task.getProcessDefinition();
        if (submitted == null || submitted.isEmpty() || definition == null || !GUARDED.contains(definition.getKey())) {
            return;
        }
        DeployedFormFields.Fields form = forms.of(task, definition, context);
        List<String> refused = new ArrayList<>();
        for (Map.Entry<String, ?> variable : new TreeSet<>(submitted.keySet()).stream().map(k -> Map.entry(k, submitted.get(k))).toList()) {
            String name = variable.getKey();
            boolean unchangedReadOnly = form.readOnly().contains(name) && sameValue(variable.getValue(), task.getVariable(name));
            if (!form.editable().contains(name) && !unchangedReadOnly) {
                refused.add(name);
            }
        }
        if (!refused.isEmpty()) {
            throw new TaskFieldsRefused(task.getTaskDefinitionKey(), refused);
        }
    }

    /** The variables a complete or submit-form command carries (Camunda keeps them in protected fields). */
    private static Map<String, ?> submittedVariables(Object command) {
        if (command instanceof CompleteTaskCmd) {
            return read(command, CompleteTaskCmd.class, "variables");
        }
        if (command instanceof SubmitTaskFormCmd) {
            return read(command, SubmitTaskFormCmd.class, "properties");
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> read(Object command, Class<?> type, String fieldName) {
        try {
            Field field = type.getDeclaredField(fieldName);
            field.setAccessible(true);
            return (Map<String, ?>) field.get(command);
        } catch (ReflectiveOperationException e) {
            // a Camunda upgrade renamed it: refuse rather than let forged variables through
            throw new ProcessEngineException("Cannot read the submitted variables of " + type.getSimpleName(), e);
        }
    }

    private static boolean sameValue(Object submitted, Object current) {
        Object value = submitted instanceof TypedValue typed ? typed.getValue() : submitted;
        return Objects.equals(String.valueOf(value), String.valueOf(current));
    }
}
