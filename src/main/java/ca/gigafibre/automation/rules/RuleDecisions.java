package ca.gigafibre.automation.rules;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.StatelessKieSession;
import org.springframework.stereotype.Service;

/**
 * Runs the current rule set over a set of facts in a stateless session and returns the decision with the
 * rules that fired. Each area's rules match only their own fact types, so one KieBase serves every area.
 */
@Service
public class RuleDecisions {

    private final RuleBase ruleBase;

    public RuleDecisions(RuleBase ruleBase) {
        this.ruleBase = ruleBase;
    }

    public DecisionResult decide(String area, Object... facts) {
        RuleSet ruleSet = ruleBase.current();
        StatelessKieSession session = ruleSet.kieBase().newStatelessKieSession();
        List<String> fired = new ArrayList<>();
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add(event.getMatch().getRule().getName());
            }
        });
        Decision decision = new Decision();
        List<Object> all = new ArrayList<>(List.of(facts));
        all.add(decision);
        session.execute(all);
        if (decision.isOpen()) {
            throw new IllegalStateException("No rule of rule set " + ruleSet.version() + " decided '" + area
                    + "' for facts " + List.of(facts) + ": every area needs a fallback rule");
        }
        return new DecisionResult(area, decision.getOutcome(), List.copyOf(fired), ruleSet.version(),
                decision.getExplanationFr(), decision.getExplanationEn(), java.util.Map.copyOf(decision.getValues()));
    }
}
