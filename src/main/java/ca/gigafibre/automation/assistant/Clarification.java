package ca.gigafibre.automation.assistant;

import java.util.List;

/** The sentence lacks something only the user can tell (which customer, which date): a question, with candidates if any. */
public class Clarification extends RuntimeException {

    private final String fr;
    private final String en;
    private final List<Candidate> candidates;

    public Clarification(String fr, String en, List<Candidate> candidates) {
        super(en);
        this.fr = fr;
        this.en = en;
        this.candidates = List.copyOf(candidates);
    }

    public Clarification(String fr, String en) {
        this(fr, en, List.of());
    }

    public String fr() {
        return fr;
    }

    public String en() {
        return en;
    }

    public List<Candidate> candidates() {
        return candidates;
    }
}
