package ca.gigafibre.automation.rules.scenario;

/**
 * An expected value that goes with the outcome, compared with the decision's value {@code valueName} (e.g. column
 * {@code montant_preleve/charged_amount} with value {@code amount}). Checked only in rows that fill it in.
 */
public record ScenarioOutput(ScenarioColumn column, String valueName) {

    public static ScenarioOutput of(String french, String english, String valueName, String meaning) {
        return new ScenarioOutput(ScenarioColumn.of(french, english, meaning), valueName);
    }
}
