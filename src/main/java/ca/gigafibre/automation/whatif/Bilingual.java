package ca.gigafibre.automation.whatif;

/** A sentence in French and in English. */
public record Bilingual(String fr, String en) {
}
