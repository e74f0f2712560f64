package ca.gigafibre.automation.platform.error;

/** A webhook whose signature header is missing, wrong or too old: answered 401, nothing is done. */
public class SignatureRejectedException extends RuntimeException {

    private final String header;

    public SignatureRejectedException(String header, String message) {
        super(header + ": " + message);
        this.header = header;
    }

    public String header() {
        return header;
    }
}
