package ca.gigafibre.automation.adapter;

/**
 * A technical failure talking to an external system (timeout, connection refused, 408, 429, 5xx). Thrown out of
 * a delegate it fails the job, Camunda retries it on the activity's retry cycle and then raises an incident.
 */
public class ExternalSystemUnavailable extends RuntimeException {

    private final String system;

    public ExternalSystemUnavailable(String system, String operation, String problem, Throwable cause) {
        super(system + " " + operation + " failed: " + problem, cause);
        this.system = system;
    }

    public String system() {
        return system;
    }
}
