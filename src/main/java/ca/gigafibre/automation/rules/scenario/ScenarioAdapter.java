package ca.gigafibre.automation.rules.scenario;

import ca.gigafibre.automation.rules.DecisionFacts;
import java.util.List;

/**
 * Turns one row of a rule file's scenario table into the facts that file's rules take. One per rule file, in the package
 * of its business capability (which owns the facts), found by Spring; the runner does the rest (outcome, rules fired).
 */
public interface ScenarioAdapter {

    /** The rule file it feeds, e.g. {@code ppa-charging.drl}; its table is {@code rules/scenarios/ppa-charging.csv}. */
    String ruleFile();

    /** The columns of facts, each with a default when a row leaves it blank (say which in {@link ScenarioColumn#meaning()}). */
    List<ScenarioColumn> inputs();

    /** Values of the decision a row may check beside the outcome. */
    default List<ScenarioOutput> outputs() {
        return List.of();
    }

    /** The facts of one row; {@code subject} is the row's own (each row is decided alone). */
    DecisionFacts facts(String subject, ScenarioRow row);
}
