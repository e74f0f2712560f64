package ca.gigafibre.automation.platform.error;

/** The thing a request names does not exist; answered 404 naming it. */
public class NotFoundException extends RuntimeException {

    private final String field;

    public NotFoundException(String what, String id, String field) {
        super(what + " " + id + " does not exist");
        this.field = field;
    }

    public String field() {
        return field;
    }
}
