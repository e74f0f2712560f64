package ca.gigafibre.automation.workflow;

import java.nio.charset.StandardCharsets;

/**
 * A file analysts own (BPMN, DMN, form, DRL) with its stable relative name, e.g. {@code processes/suspension.bpmn}.
 * The same name is used whether the file came from the folder beside the engine or from the jar.
 */
public record AnalystResource(String name, byte[] content) {

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
