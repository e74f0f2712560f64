package ca.gigafibre.automation.assistant;

import java.util.List;
import java.util.Map;

/**
 * What an intent makes of its slots: for a read the answer ({@code data}) and its sentence; for a change the proposal —
 * the exact parameters that confirmation will execute, the summary of what will change and the systems called.
 */
public record Draft(Map<String, Object> parameters, String fr, String en, List<String> calls, Object data) {

    public static Draft answer(Map<String, Object> parameters, String fr, String en, Object data) {
        return new Draft(parameters, fr, en, List.of(), data);
    }

    public static Draft proposal(Map<String, Object> parameters, String fr, String en, List<String> calls) {
        return new Draft(parameters, fr, en, calls, null);
    }
}
