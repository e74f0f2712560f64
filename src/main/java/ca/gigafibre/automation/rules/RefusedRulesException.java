package ca.gigafibre.automation.rules;

import ca.gigafibre.automation.workflow.InvalidResourcesException;
import ca.gigafibre.automation.workflow.ResourceProblem;
import java.util.List;

/** DRL that {@link DrlGuard} refuses: it reaches beyond what rules may do, so none of it is compiled. */
public class RefusedRulesException extends InvalidResourcesException {

    public RefusedRulesException(List<ResourceProblem> problems) {
        super("Rules refused: they use code rules may not run", problems);
    }
}
