package ca.gigafibre.automation.rules.decision;

import ca.gigafibre.automation.rules.DecisionLog;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Decisions visible and explained, in one place rather than in every delegate: each DMN evaluation in a process and
 * each completed decision task (a person's approval, review or choice) is written to the decision log, in the
 * transaction that acts on it, and read back by {@code GET /api/customers/{id}/decisions}.
 */
@Component
public class DecisionRecordingPlugin extends AbstractProcessEnginePlugin {

    private final DecisionLog log;
    private final ProcessCustomer customers;

    public DecisionRecordingPlugin(DecisionLog log, ProcessCustomer customers) {
        this.log = log;
        this.customers = customers;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        List<DmnDecisionEvaluationListener> dmnListeners = dmn.getCustomPostDecisionEvaluationListeners() == null
                ? new ArrayList<>() : new ArrayList<>(dmn.getCustomPostDecisionEvaluationListeners());
        dmnListeners.add(new DmnDecisionRecorder(log, customers));
        dmn.setCustomPostDecisionEvaluationListeners(dmnListeners);
        configuration.setDmnEngineConfiguration(dmn);

        List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        parseListeners.add(new DecisionTaskParseListener(log, customers));
        configuration.setCustomPostBPMNParseListeners(parseListeners);
    }
}
