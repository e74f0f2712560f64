package ca.gigafibre.automation.assistant;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The answer to a sentence: {@code status} proposed | clarification | refused | answered (then executed, failed,
 * cancelled, expired as a proposal goes on); {@code data} the read's answer, {@code result} what a confirmation did;
 * {@code notice} how the sentence was read when the user should know (the AI assistant did not answer), else null.
 */
public record CommandView(String id, String status, String intent, Map<String, Object> parameters, Summary summary, List<String> calls,
                          List<Candidate> candidates, OffsetDateTime expiresAt, Object data, Object result, Summary notice) {

    public record Summary(String fr, String en) {
    }

    CommandView withNotice(Summary notice) {
        return new CommandView(id, status, intent, parameters, summary, calls, candidates, expiresAt, data, result, notice);
    }
}
