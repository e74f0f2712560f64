package ca.gigafibre.automation.assistant;

/** A request the assistant declines, politely and in both languages (code: secret, destructive, bulk, unavailable, …). */
public class Refusal extends RuntimeException {

    private final String code;
    private final String fr;
    private final String en;

    public Refusal(String code, String fr, String en) {
        super(en);
        this.code = code;
        this.fr = fr;
        this.en = en;
    }

    public String code() {
        return code;
    }

    public String fr() {
        return fr;
    }

    public String en() {
        return en;
    }
}
