package ca.gigafibre.automation.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.StatelessKieSession;
import org.springframework.stereotype.Service;

/**
 * Runs the current rule set in a stateless session and returns each subject's decision with the rules that fired
 * for it. Each area's rules match only their own fact types, so one KieBase serves every area; many subjects can
 * be decided in one session (the nightly sweep, benchmarks), which is far cheaper than a session each.
 */
@Service
public class RuleDecisions {

    private final RuleBase ruleBase;

    public RuleDecisions(RuleBase ruleBase) {
        this.ruleBase = ruleBase;
    }

    public DecisionResult decide(String area, DecisionFacts facts) {
        return decideAll(area, List.of(facts)).get(facts.getSubject());
    }

    /** One decision per subject, in the order given. */
    public Map<String, DecisionResult> decideAll(String area, List<? extends DecisionFacts> facts) {
        return decideAll(ruleBase.current(), area, facts);
    }

    /** As the engine decides, with a given rule set: scenario tables and what-if replays run candidate rules not in force. */
    public Map<String, DecisionResult> decideAll(RuleSet ruleSet, String area, List<? extends DecisionFacts> facts) {
        StatelessKieSession session = ruleSet.kieBase().newStatelessKieSession();
        Map<String, Decision> decisions = new LinkedHashMap<>();
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                String rule = event.getMatch().getRule().getName();
                boolean decided = false;
                for (Object matched : event.getMatch().getObjects()) {
                    if (matched instanceof Decision decision) {
                        decision.fired().add(rule);
                        decided = true;
                    }
                }
                if (!decided) {
                    // a verdict derived from the subject's facts: kept apart from the rules that decided
                    for (Object matched : event.getMatch().getObjects()) {
                        if (matched instanceof DecisionFacts facts && decisions.containsKey(facts.getSubject())) {
                            decisions.get(facts.getSubject()).verdictRules().add(rule);
                            break;
                        }
                    }
                }
            }
        });
        List<Object> inserted = new ArrayList<>(facts.size() * 2);
        for (DecisionFacts f : facts) {
            Decision decision = new Decision(f.getSubject());
            decisions.put(f.getSubject(), decision);
            inserted.add(f);
            inserted.add(decision);
        }
        session.execute(inserted);
        Map<String, DecisionResult> results = new LinkedHashMap<>();
        for (Decision d : decisions.values()) {
            if (d.isOpen()) {
                throw new IllegalStateException("No rule of rule set " + ruleSet.version() + " decided '" + area + "' for "
                        + d.getSubject() + ": every area needs a fallback rule");
            }
            results.put(d.getSubject(), new DecisionResult(area, d.getOutcome(), List.copyOf(d.fired()), ruleSet.version(),
                    d.getExplanationFr(), d.getExplanationEn(), Map.copyOf(d.getValues()), List.copyOf(d.verdictRules())));
        }
        return results;
    }
}
