package ca.gigafibre.automation.legacy;

/** A legacy row that cannot be imported: the field at fault and why (never the value of a secret). */
public class LegacyValueRejected extends RuntimeException {

    private final String field;

    public LegacyValueRejected(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
