package ca.gigafibre.automation.workflow;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;

/**
 * Camunda's BPMN parse with the {@link BpmnGuard} in front: a new deployment's refused elements become parse errors
 * (Camunda's ParseException: a 400 on the engine REST naming resource, line and element, highlighted by the Modeler),
 * and a refused model is not parsed further, so nothing in it is compiled. Deployments already in the database are
 * parsed as before when the cache reloads them, so running instances keep working.
 */
final class GuardedBpmnParse extends BpmnParse {

    private final BpmnGuard guard;

    GuardedBpmnParse(BpmnParser parser, BpmnGuard guard) {
        super(parser);
        this.guard = guard;
    }

    @Override
    protected void parseRootElement() {
        if (deployment != null && deployment.isNew()) {
            guard.walk(rootElement, (element, violation) -> addError(violation.describe(name), element));
            if (hasErrors()) {
                return;
            }
        }
        super.parseRootElement();
    }
}
