package ca.gigafibre.automation.rules;

import java.util.List;

/**
 * What a rule evaluation decided, which rules fired, under which rule-set version, and why in both languages;
 * {@code verdictRules}: the rules that derived the verdicts it read ({@link Verdict}), in the order they did.
 */
public record DecisionResult(String area, String outcome, List<String> rulesFired, String rulesetVersion,
                             String explanationFr, String explanationEn, java.util.Map<String, Object> values, List<String> verdictRules) {

    /** The sentence shown to people (Cockpit, Tasklist): French first, English after. */
    public String explanation() {
        return explanationFr + " / " + explanationEn;
    }
}
