package ca.gigafibre.automation.assistant.interpret;

import java.util.Map;

/**
 * What a sentence asks for. {@code understood}: an intent with its slots (names in {@link Slots}); {@code refused}: a
 * polite reason in both languages (secret, destructive, bulk, not understood). {@code notice}: something the user should
 * know about how the sentence was read (the LLM did not answer and the patterns read it), or null.
 */
public record Interpretation(String intent, Map<String, Object> slots, Reason refusal, Reason notice) {

    /** A sentence for people, French first. */
    public record Reason(String code, String fr, String en) {
    }

    public static Interpretation understood(String intent, Map<String, Object> slots) {
        return new Interpretation(intent, Map.copyOf(slots), null, null);
    }

    public static Interpretation refused(String code, String fr, String en) {
        return new Interpretation(null, Map.of(), new Reason(code, fr, en), null);
    }

    /** The same reading, with a word for the user about how it was read. */
    public Interpretation withNotice(Reason notice) {
        return new Interpretation(intent, slots, refusal, notice);
    }

    public boolean isRefused() {
        return refusal != null;
    }
}
