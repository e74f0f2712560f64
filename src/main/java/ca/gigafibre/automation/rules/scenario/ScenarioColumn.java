package ca.gigafibre.automation.rules.scenario;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A column of a scenario table, known by its French and its English header ({@code montant_du} / {@code amount_due}) and
 * what it means (README, "For analysts"). Headers match without case, accents, spaces or dashes: {@code Montant dû} is
 * {@code montant_du}.
 */
public record ScenarioColumn(String french, String english, String meaning) {

    public static ScenarioColumn of(String french, String english, String meaning) {
        return new ScenarioColumn(french, english, meaning);
    }

    public boolean matches(String header) {
        String key = key(header);
        return key.equals(key(french)) || key.equals(key(english));
    }

    /** How the column is shown in messages: {@code montant_du/amount_due}. */
    public String label() {
        return french + "/" + english;
    }

    static String key(String header) {
        String plain = Normalizer.normalize(header.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[\\s\\-'’]+", "_");
    }
}
