package ca.gigafibre.automation.whatif;

import ca.gigafibre.automation.platform.error.MalformedRequestException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The reminder schedule table ({@code overdue-reminders.dmn}, asked when an account's collections case opens: is the account
 * commercial → how many follow-up reminders, how far apart) as deployed and as a candidate, evaluated by a DMN engine of
 * its own, in memory: nothing is deployed and no decision history is written.
 */
@Component
public class CandidateReminders {

    public static final String FILE = "overdue-reminders.dmn";
    private static final String KEY = "overdue-reminders";

    /** One schedule: "2 × P7D", with the rules that matched. */
    public record Verdict(String outcome, List<String> rulesFired) {
    }

    /** A parsed table. */
    public final class Table {
        private final DmnDecision decision;

        private Table(DmnDecision decision) {
            this.decision = decision;
        }

        public Verdict decide(boolean commercial) {
            List<String> fired = new ArrayList<>();
            MATCHED.set(fired);
            try {
                DmnDecisionResult result = engine.evaluateDecision(decision, Variables.createVariables().putValue("commercial", commercial));
                String outcome = result.getResultList().stream()
                        .map(row -> row.get("followUps") + " × " + row.get("interval")).collect(Collectors.joining(", "));
                return new Verdict(outcome.isEmpty() ? "NO_MATCH" : outcome, List.copyOf(fired));
            } finally {
                MATCHED.remove();
            }
        }
    }

    private static final ThreadLocal<List<String>> MATCHED = new ThreadLocal<>();

    private final RepositoryService repository;
    private final DmnEngine engine;

    public CandidateReminders(RepositoryService repository) {
        this.repository = repository;
        DmnDecisionTableEvaluationListener matched = (DmnDecisionTableEvaluationEvent event) -> {
            List<String> fired = MATCHED.get();
            if (fired != null) {
                event.getMatchingRules().forEach(rule -> fired.add(rule.getId()));
            }
        };
        // the same FEEL behaviour as the process engine (application.yaml: dmnFeelEnableLegacyBehavior)
        this.engine = ((DefaultDmnEngineConfiguration) DefaultDmnEngineConfiguration.createDefaultDmnEngineConfiguration())
                .enableFeelLegacyBehavior(true).customPostDecisionTableEvaluationListeners(List.of(matched)).buildEngine();
    }

    /** The deployed table (its latest version). */
    public Table deployed() {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(KEY).latestVersion().singleResult();
        try (InputStream xml = repository.getDecisionModel(definition.getId())) {
            return new Table(engine.parseDecision(KEY, xml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The candidate table, or the deployed one when there is none; any other DMN file is refused. */
    public Table candidate(Map<String, String> candidates, Table deployed) {
        for (String name : candidates.keySet()) {
            if (!name.equals(FILE)) {
                throw new MalformedRequestException("dmn." + name, "not a table a what-if replays; replayed: " + FILE);
            }
        }
        String xml = candidates.get(FILE);
        if (xml == null) {
            return deployed;
        }
        try {
            Table candidate = new Table(engine.parseDecision(KEY, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
            candidate.decide(false);   // an expression that does not evaluate is the analyst's to fix: 400, not a failed replay
            candidate.decide(true);
            return candidate;
        } catch (DmnEngineException | org.camunda.bpm.engine.ProcessEngineException | IllegalArgumentException e) {
            throw new MalformedRequestException("dmn." + FILE, "cannot be read as the decision '" + KEY + "': " + e.getMessage());
        }
    }
}
