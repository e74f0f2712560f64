package ca.gigafibre.automation.platform.security.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;

/** The fields of a task's deployed Camunda Form ({@code camunda:formRef}): the ones a person edits, and the read-only ones. */
class DeployedFormFields {

    record Fields(Set<String> editable, Set<String> readOnly) {
    }

    private static final Fields NONE = new Fields(Set.of(), Set.of());
    private static final ObjectMapper JSON = new ObjectMapper();

    Fields of(TaskEntity task, ProcessDefinitionEntity definition, CommandContext context) {
        TaskDefinition taskDefinition = task.getTaskDefinition();
        Expression key = taskDefinition == null ? null : taskDefinition.getCamundaFormDefinitionKey();
        if (key == null) {
            return NONE;
        }
        String formKey = key.getExpressionText();
        CamundaFormDefinitionEntity form = context.runWithoutAuthorization(() -> "deployment".equals(taskDefinition.getCamundaFormDefinitionBinding())
                ? context.getCamundaFormDefinitionManager().findDefinitionByDeploymentAndKey(definition.getDeploymentId(), formKey)
                : context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(formKey));
        if (form == null) {
            return NONE;
        }
        ResourceEntity resource = context.getResourceManager().findResourceByDeploymentIdAndResourceName(form.getDeploymentId(), form.getResourceName());
        try {
            Fields fields = new Fields(new HashSet<>(), new HashSet<>());
            collect(JSON.readTree(resource.getBytes()), fields);
            return fields;
        } catch (IOException e) {
            throw new ProcessEngineException("Form " + formKey + " is not readable JSON", e);
        }
    }

    private static void collect(JsonNode container, Fields fields) {
        for (JsonNode component : container.path("components")) {
            String key = component.path("key").asText("");
            if (!key.isEmpty()) {
                // readonly may be true or an expression: anything but absent/false counts as read-only
                JsonNode readonly = component.path("readonly");
                boolean readOnly = !(readonly.isMissingNode() || readonly.isNull() || (readonly.isBoolean() && !readonly.asBoolean()))
                        || component.path("disabled").asBoolean(false);
                (readOnly ? fields.readOnly() : fields.editable()).add(key);
            }
            collect(component, fields);
        }
    }
}
