package ca.gigafibre.automation.rules.scenario;

/** A cell of a scenario table that cannot be read: the row fails, naming the column, the value and what was expected. */
public class ScenarioInputException extends RuntimeException {

    public ScenarioInputException(ScenarioColumn column, String value, String expected) {
        super("colonne/column " + column.label() + " : « " + value + " » n'est pas/is not " + expected);
    }
}
