package ca.gigafibre.automation.adapter;

import java.util.List;

/**
 * A business refusal from an external system (4xx other than 408/429): retrying will not help. Processes turn
 * it into a BPMN error where a person can fix the data, otherwise it surfaces as an incident with the
 * provider's own words.
 */
public class ExternalRequestRejected extends RuntimeException {

    private final String system;
    private final int status;
    private final String providerMessage;
    private final List<String> invalidFields;

    public ExternalRequestRejected(String system, String operation, int status, String providerMessage, List<String> invalidFields) {
        super(system + " " + operation + " refused (" + status + "): " + providerMessage
                + (invalidFields.isEmpty() ? "" : " — fields " + invalidFields));
        this.system = system;
        this.status = status;
        this.providerMessage = providerMessage;
        this.invalidFields = List.copyOf(invalidFields);
    }

    public String system() {
        return system;
    }

    public int status() {
        return status;
    }

    public String providerMessage() {
        return providerMessage;
    }

    public List<String> invalidFields() {
        return invalidFields;
    }
}
