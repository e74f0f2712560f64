package ca.gigafibre.automation.assistant.interpret;

/**
 * Turns a sentence into what it asks for: an intent and its slots, or a clarification question, or a polite refusal.
 * It only reads the text: resolving the customer, checking the facts and building the proposal happen after it, the same
 * for every interpreter (the deterministic one here, an LLM-backed one later).
 */
public interface Interpreter {

    /**
     * @param locale           {@code fr} or {@code en}: the user's language
     * @param onScreenCustomer the customer on screen (used for "le", "it", or when no customer is named); may be null
     */
    Interpretation interpret(String text, String locale, String onScreenCustomer);
}
