package ca.gigafibre.automation.assistant.interpret;

import java.text.Normalizer;
import java.util.Locale;

/** Sentences as typed, compared without case, accents or curly apostrophes ("coupé" = "coupe", "d’ici" = "d'ici"). */
public final class Text {

    private Text() {
    }

    /** Same length as {@code nfc(text)}: positions found in one are positions in the other. */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(nfc(text), Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                folded.append(c);
            }
        }
        return folded.toString().toLowerCase(Locale.ROOT);
    }

    static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).replace('’', '\'').replace('‘', '\'').replace('\u00A0', ' ')
                .replace('\u202F', ' ');
    }
}
