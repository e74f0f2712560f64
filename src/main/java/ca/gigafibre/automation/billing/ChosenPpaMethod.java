package ca.gigafibre.automation.billing;

import ca.gigafibre.automation.rules.DecisionFacts;

/** Inserted by the method rules of {@code ppa-charging.drl}; the amount rules then decide how much. */
public class ChosenPpaMethod implements DecisionFacts {

    private final String subject;
    private final String method;

    public ChosenPpaMethod(String subject, String method) {
        this.subject = subject;
        this.method = method;
    }

    /** The invoice it was chosen for. */
    public String getSubject() {
        return subject;
    }

    /** {@code stripe}, {@code paysafe} or {@code bank}. */
    public String getMethod() {
        return method;
    }
}
