package ca.gigafibre.automation.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer rules write into, one per subject: the first rule that decides closes it (rules test
 * {@code Decision( subject == $f.subject, open )} and call {@code update($d)} after deciding), and says why in
 * French and English. Created by {@link RuleDecisions}, which also records here the rules that fired for it.
 */
public class Decision {

    private final String subject;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final List<String> fired = new ArrayList<>();
    private final List<String> verdictRules = new ArrayList<>();
    private String outcome;
    private String explanationFr;
    private String explanationEn;

    public Decision(String subject) {
        this.subject = subject;
    }

    public String getSubject() {
        return subject;
    }

    public boolean isOpen() {
        return outcome == null;
    }

    public void decide(String outcome, String explanationFr, String explanationEn) {
        if (this.outcome != null) {
            throw new IllegalStateException("Decision about " + subject + " already taken (" + this.outcome + "); a rule deciding '"
                    + outcome + "' must test Decision( subject == $f.subject, open ) and end with update($d)");
        }
        this.outcome = outcome;
        this.explanationFr = explanationFr;
        this.explanationEn = explanationEn;
    }

    /** A value that goes with the outcome (amount to charge, method, date ...), for the process to use. */
    public Decision with(String name, Object value) {
        values.put(name, value);
        return this;
    }

    public Map<String, Object> getValues() {
        return values;
    }

    List<String> fired() {
        return fired;
    }

    /** The rules that derived a {@link Verdict} about this subject (they match its facts, not this decision). */
    List<String> verdictRules() {
        return verdictRules;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getExplanationFr() {
        return explanationFr;
    }

    public String getExplanationEn() {
        return explanationEn;
    }
}
