package ca.gigafibre.automation.workflow;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown at start-up (or reload) when an analyst's file does not parse; the message names each file and line. */
public class InvalidResourcesException extends RuntimeException {

    private final List<ResourceProblem> problems;

    public InvalidResourcesException(String what, List<ResourceProblem> problems) {
        super(what + ":\n  " + problems.stream().map(ResourceProblem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<ResourceProblem> problems() {
        return problems;
    }
}
