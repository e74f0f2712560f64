package ca.gigafibre.automation.customer;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Every user task, in every model an analyst deploys, shows its customer: the display step is a built-in start listener
 * added at parse time, not something each model must remember. A task may name the variables that hold its amount and
 * due date ({@code <camunda:property name="displayAmount" value="chargeAmountText"/>}, {@code displayDueDate}).
 */
@Component
public class TaskCustomerDisplayPlugin extends AbstractProcessEnginePlugin {

    static final String AMOUNT_PROPERTY = "displayAmount";
    static final String DUE_DATE_PROPERTY = "displayDueDate";

    private final TaskCustomers customers;

    public TaskCustomerDisplayPlugin(TaskCustomers customers) {
        this.customers = customers;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
                activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, new TaskCustomerDisplay(customers,
                        property(userTask, AMOUNT_PROPERTY), property(userTask, DUE_DATE_PROPERTY)));
            }
        });
        configuration.setCustomPreBPMNParseListeners(listeners);
    }

    private static String property(Element userTask, String name) {
        Element extensions = userTask.element("extensionElements");
        Element properties = extensions == null ? null : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (properties == null) {
            return null;
        }
        return properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property").stream()
                .filter(property -> name.equals(property.attribute("name"))).map(property -> property.attribute("value"))
                .findFirst().orElse(null);
    }
}
