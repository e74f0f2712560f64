package ca.gigafibre.automation.assistant;

/** Intents whose API is not in the engine yet: refused politely until it is. */
final class Unavailable {

    private Unavailable() {
    }

    static Refusal refusal(String intent) {
        return new Refusal("unavailable",
                "Désolé, « " + intent + " » n'est pas encore disponible par l'assistant : son API n'existe pas encore dans le moteur.",
                "Sorry, \"" + intent + "\" is not available through the assistant yet: its API is not in the engine yet.");
    }
}
