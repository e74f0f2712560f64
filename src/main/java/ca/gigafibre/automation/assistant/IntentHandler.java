package ca.gigafibre.automation.assistant;

import java.util.Map;
import java.util.function.Function;

/**
 * One intent: how its slots become a {@link Draft} (the proposal builder — shared by every interpreter, an LLM's tools
 * included) and, for a change, how the confirmed parameters execute through the same service the REST API calls.
 */
public interface IntentHandler {

    String intent();

    /** A change is proposed and waits for a confirmation; a read is answered at once. */
    boolean change();

    /** Whether the intent is about one customer (resolved from the sentence or the screen before {@link #draft}). */
    boolean needsCustomer();

    /** Slots in (names as {@code interpret.Slots}; {@code customerId} resolved), draft out; may throw {@link Clarification} or {@link Refusal}. */
    Draft draft(Map<String, Object> slots);

    /** Executes a confirmed proposal's parameters with the confirming user's identity; the result is shown and stored. */
    Object execute(Map<String, Object> parameters);

    static IntentHandler read(String intent, boolean needsCustomer, Function<Map<String, Object>, Draft> draft) {
        return new Simple(intent, false, needsCustomer, draft, p -> {
            throw new IllegalStateException(intent + " is a read: nothing to execute");
        });
    }

    static IntentHandler change(String intent, boolean needsCustomer, Function<Map<String, Object>, Draft> draft,
                                Function<Map<String, Object>, Object> execute) {
        return new Simple(intent, true, needsCustomer, draft, execute);
    }

    record Simple(String intent, boolean change, boolean needsCustomer, Function<Map<String, Object>, Draft> drafter,
                  Function<Map<String, Object>, Object> executor) implements IntentHandler {

        @Override
        public Draft draft(Map<String, Object> slots) {
            return drafter.apply(slots);
        }

        @Override
        public Object execute(Map<String, Object> parameters) {
            return executor.apply(parameters);
        }
    }
}
