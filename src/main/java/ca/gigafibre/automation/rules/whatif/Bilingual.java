package ca.gigafibre.automation.rules.whatif;

/** A sentence in French and in English. */
public record Bilingual(String fr, String en) {
}
