package ca.gigafibre.automation.rules.decision;

/** A "français / English" text (task names, DMN rule annotations) cut in its two languages. */
record Bilingual(String fr, String en) {

    static Bilingual of(String text) {
        if (text == null || text.isBlank()) {
            return new Bilingual("", "");
        }
        int cut = text.indexOf(" / ");
        return cut < 0 ? new Bilingual(text.trim(), text.trim()) : new Bilingual(text.substring(0, cut).trim(), text.substring(cut + 3).trim());
    }
}
