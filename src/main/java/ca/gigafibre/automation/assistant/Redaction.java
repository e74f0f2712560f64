package ca.gigafibre.automation.assistant;

/** A sentence refused because it carries a secret is kept without it: digits and the word after "PIN"/"mot de passe" masked. */
final class Redaction {

    private Redaction() {
    }

    static String withoutSecrets(String text) {
        return text.replaceAll("(?iu)\\b(nip|pin|mot de passe|password|mdp|passcode|code)(\\s*(?:est|is|:|=|to|à|a|de))?\\s+\\S+", "$1$2 ***")
                .replaceAll("\\d", "•");
    }
}
