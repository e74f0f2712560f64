package ca.gigafibre.automation.workflow;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Runs before Camunda's deployers on every new deployment, whoever sends it (engine REST, Cockpit, Modeler,
 * {@link ResourceDeployer}): each resource must be BPMN (checked by {@link GuardedBpmnParse}), DMN in FEEL
 * ({@link DmnGuard}) or a Camunda Form ({@link FormGuard}); anything else (HTML forms, scripts, CMMN, images) is refused.
 * A refusal is Camunda's ParseException, so the engine REST answers 400 naming resource, element and reason.
 */
final class DeploymentGuard implements Deployer {

    private final DmnGuard dmn = new DmnGuard();
    private final FormGuard forms = new FormGuard();

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;   // already deployed: reloaded into the cache as it was
        }
        List<String> messages = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            for (ModelViolation violation : check(resource.getName(), resource.getBytes())) {
                String message = violation.describe(resource.getName());
                messages.add(message);
                problems.add(new GuardProblem(message, violation.line(), violation.elementId()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ParseException("The deployment is refused: " + String.join("; ", messages),
                    deployment.getResources().size() == 1 ? deployment.getResources().keySet().iterator().next() : "deployment",
                    problems, List.of());
        }
    }

    /** What is wrong with one resource other than BPMN's contents (those are checked as Camunda parses them). */
    List<ModelViolation> check(String name, byte[] content) {
        // the suffixes exactly as Camunda's deployers match them: a BPMN named .BPMN would be kept unparsed, unguarded
        if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
            return List.of();
        }
        if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
            return dmn.check(content);
        }
        if (name.endsWith(".form")) {
            return forms.check(content);
        }
        return List.of(new ModelViolation(name, "", 0,
                "only BPMN (.bpmn), DMN (.dmn) and Camunda Forms (.form) may be deployed: HTML, scripts and other files are refused"));
    }

    private record GuardProblem(String getMessage, int getLine, String getMainElementId) implements Problem {

        @Override
        public int getColumn() {
            return 0;
        }

        @Override
        public List<String> getElementIds() {
            return getMainElementId == null ? List.of() : List.of(getMainElementId);
        }
    }
}
