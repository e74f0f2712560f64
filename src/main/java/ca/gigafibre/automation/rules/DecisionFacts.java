package ca.gigafibre.automation.rules;

/**
 * Facts about one subject (an invoice, an account). Rules pair them with the {@link Decision} of the same subject,
 * {@code Decision( subject == $f.subject, open )}, so many subjects can be decided in one session.
 */
public interface DecisionFacts {

    String getSubject();
}
