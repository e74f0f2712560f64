package ca.gigafibre.automation.rules.decision;

import ca.gigafibre.automation.rules.DecisionLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedInput;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedOutput;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Every DMN table a process evaluates (a business-rule task, or a delegate asking the decision service) goes to the
 * decision log with its inputs, outputs and matched rules; the why is the matched rules' annotations ("français /
 * English"). An evaluation outside a process (an API reading a connection) decides nothing for an account: not logged.
 */
class DmnDecisionRecorder implements DmnDecisionEvaluationListener {

    private final DecisionLog log;
    private final ProcessCustomer customers;

    DmnDecisionRecorder(DecisionLog log, ProcessCustomer customers) {
        this.log = log;
        this.customers = customers;
    }

    @Override
    public void notify(DmnDecisionEvaluationEvent event) {
        BpmnExecutionContext context = Context.getBpmnExecutionContext();
        ExecutionEntity execution = context == null ? null : context.getExecution();
        if (execution == null) {
            return;
        }
        List<DmnDecisionLogicEvaluationEvent> evaluated = new ArrayList<>(event.getRequiredDecisionResults());
        evaluated.add(event.getDecisionResult());
        Long customerId = customers.of(execution);
        for (DmnDecisionLogicEvaluationEvent decision : evaluated) {
            if (decision instanceof DmnDecisionTableEvaluationEvent table) {
                record(table, execution, customerId);
            }
        }
    }

    private void record(DmnDecisionTableEvaluationEvent table, ExecutionEntity execution, Long customerId) {
        DmnDecision decision = table.getDecision();
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (DmnEvaluatedInput input : table.getInputs()) {
            String name = input.getInputVariable() != null ? input.getInputVariable() : input.getName();
            if (!SecretNames.isSecret(name)) {
                inputs.put(name, input.getValue() == null ? null : input.getValue().getValue());
            }
        }
        List<Map<String, Object>> outputs = new ArrayList<>();
        for (DmnEvaluatedDecisionRule rule : table.getMatchingRules()) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (DmnEvaluatedOutput output : rule.getOutputEntries().values()) {
                values.put(output.getOutputName(), output.getValue() == null ? null : output.getValue().getValue());
            }
            outputs.add(values);
        }
        List<String> ruleIds = table.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).toList();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("decision", decision.getName());
        facts.put("activityId", execution.getActivityId());
        facts.put("inputs", inputs);
        facts.put("outputs", outputs.size() == 1 ? outputs.get(0) : outputs);
        Bilingual why = why(decision, ruleIds, outputs);
        String version = decision instanceof DecisionDefinition definition
                ? "dmn " + definition.getKey() + " v" + definition.getVersion() : "dmn " + decision.getKey();
        log.record(new DecisionLog.Entry(decision.getKey(), customerId, execution.getProcessBusinessKey(), outcome(outputs), facts, ruleIds,
                version, why.fr(), why.en(), execution.getProcessInstanceId(), null));
    }

    private static String outcome(List<Map<String, Object>> outputs) {
        if (outputs.isEmpty()) {
            return "no-rule-matched";
        }
        return outputs.stream().map(values -> values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "))).collect(Collectors.joining(" | "));
    }

    /** The matched rules' annotations; a rule without one is named with what it gave. */
    private static Bilingual why(DmnDecision decision, List<String> ruleIds, List<Map<String, Object>> outputs) {
        if (ruleIds.isEmpty()) {
            return new Bilingual("Aucune règle de la table « " + decision.getKey() + " » ne s'applique",
                    "No rule of the table \"" + decision.getKey() + "\" applies");
        }
        DmnModelInstance model = decision instanceof DecisionDefinition definition
                ? Context.getProcessEngineConfiguration().getDeploymentCache().findDmnModelInstanceForDecisionDefinition(definition.getId())
                : null;
        List<String> fr = new ArrayList<>();
        List<String> en = new ArrayList<>();
        for (int i = 0; i < ruleIds.size(); i++) {
            Rule rule = model == null ? null : model.getModelElementById(ruleIds.get(i));
            String annotation = rule == null || rule.getDescription() == null ? null : rule.getDescription().getTextContent();
            if (annotation == null || annotation.isBlank()) {
                fr.add("règle " + ruleIds.get(i) + " : " + outputs.get(i));
                en.add("rule " + ruleIds.get(i) + ": " + outputs.get(i));
            } else {
                Bilingual text = Bilingual.of(annotation);
                fr.add(text.fr());
                en.add(text.en());
            }
        }
        return new Bilingual(String.join(" ; ", fr), String.join("; ", en));
    }
}
