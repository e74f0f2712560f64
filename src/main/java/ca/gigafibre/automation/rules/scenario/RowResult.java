package ca.gigafibre.automation.rules.scenario;

import java.util.List;

/**
 * One case of a table once run: what it expected and what the rules did (outcome with its checked values, rules fired;
 * the rules that derived the verdicts they read, which the table does not list).
 */
public record RowResult(int line, String label, boolean passed, String expected, String actual, List<String> expectedRules,
                        List<String> firedRules, List<String> verdictRules) {

    /** {@code rules/scenarios/ppa-charging.csv:12 (a cent over the cap): attendu/expected … mais/but …}. */
    public String message(String file) {
        return file + ":" + line + (label.isBlank() ? "" : " (" + label + ")") + " : attendu/expected " + expected + " " + expectedRules
                + " mais/but " + actual + " " + firedRules;
    }
}
