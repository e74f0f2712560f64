package ca.gigafibre.automation.rules.decision;

import ca.gigafibre.automation.rules.DecisionLog;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * A user task whose model says it decides something ({@code <camunda:property name="decision" value="approved approvalNote"/>}:
 * the variables the person sets, outcome first) gets the decision recorder on {@code complete}, as a built-in listener,
 * so it runs even when custom listeners are skipped.
 */
class DecisionTaskParseListener extends AbstractBpmnParseListener {

    static final String PROPERTY = "decision";

    private final DecisionLog log;
    private final ProcessCustomer customers;

    DecisionTaskParseListener(DecisionLog log, ProcessCustomer customers) {
        this.log = log;
        this.customers = customers;
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        String declared = declaredDecision(userTaskElement);
        if (declared == null || !(activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask)) {
            return;
        }
        List<String> variables = Arrays.stream(declared.trim().split("[\\s,]+")).filter(name -> !name.isEmpty()).toList();
        userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
                new UserTaskDecisionRecorder(variables, log, customers));
    }

    private static String declaredDecision(Element userTask) {
        Element extensions = userTask.element("extensionElements");
        Element properties = extensions == null ? null : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (properties == null) {
            return null;
        }
        return properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property").stream()
                .filter(property -> PROPERTY.equals(property.attribute("name"))).map(property -> property.attribute("value"))
                .findFirst().orElse(null);
    }
}
