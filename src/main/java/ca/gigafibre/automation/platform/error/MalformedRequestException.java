package ca.gigafibre.automation.platform.error;

/** A request that cannot be accepted as sent (e.g. a webhook whose signature does not match): 400 with the field at fault. */
public class MalformedRequestException extends RuntimeException {

    private final String field;

    public MalformedRequestException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
