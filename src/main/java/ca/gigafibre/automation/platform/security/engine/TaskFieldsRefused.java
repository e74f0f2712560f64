package ca.gigafibre.automation.platform.security.engine;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;

/** A task of a money or service process completed with variables its form does not let a person set (403). */
public class TaskFieldsRefused extends AuthorizationException {

    private final List<String> fields;

    TaskFieldsRefused(String taskDefinitionKey, List<String> fields) {
        super("Task " + taskDefinitionKey + " accepts only its form's editable fields; refused: " + String.join(", ", fields));
        this.fields = List.copyOf(fields);
    }

    public List<String> fields() {
        return fields;
    }
}
