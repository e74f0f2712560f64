package ca.gigafibre.automation.workflow;

/** What is wrong with an analyst's file, where: {@code processes/suspension.bpmn line 12: ...}. Line 0 = unknown. */
public record ResourceProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? " line " + line : "") + ": " + message;
    }
}
