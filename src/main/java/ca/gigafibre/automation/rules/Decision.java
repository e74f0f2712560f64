package ca.gigafibre.automation.rules;

/**
 * The answer rules write into: the first rule that decides closes it (rules test {@code Decision( open )} and
 * call {@code update($d)} after deciding), and says why in French and English. Inserted into every stateless session by {@link RuleDecisions}.
 */
public class Decision {

    private final java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
    private String outcome;
    private String explanationFr;
    private String explanationEn;

    public boolean isOpen() {
        return outcome == null;
    }

    public void decide(String outcome, String explanationFr, String explanationEn) {
        if (this.outcome != null) {
            throw new IllegalStateException("Decision already taken (" + this.outcome + "); a rule deciding '" + outcome
                    + "' must test Decision( open ) and end with update($d)");
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

    public java.util.Map<String, Object> getValues() {
        return values;
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
