package ca.gigafibre.automation.rules;

/**
 * A verdict the rules derive about a subject from its raw facts — "suspension due", "notice given" — inserted by a rule
 * that states it and read by the rules that decide: the definition lives once, in the DRL, not in a Java getter or in
 * SQL. Rules that derive verdicts match no {@link Decision}, so they are not among a decision's fired rules.
 */
public final class Verdict implements DecisionFacts {

    private final String subject;
    private final String name;

    public Verdict(String subject, String name) {
        this.subject = subject;
        this.name = name;
    }

    @Override
    public String getSubject() {
        return subject;
    }

    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        return "Verdict[" + subject + ": " + name + "]";
    }
}
