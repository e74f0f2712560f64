package ca.gigafibre.automation.platform.error;

/** The request is valid but the resource's state forbids it now (409): e.g. a suspension is already in progress. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
