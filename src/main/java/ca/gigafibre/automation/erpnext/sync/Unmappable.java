package ca.gigafibre.automation.erpnext.sync;

/** A document field the engine cannot take (missing, malformed, unknown link): the document becomes a reject. */
final class Unmappable extends RuntimeException {

    private final String field;

    Unmappable(String field, String reason) {
        super(reason, null, false, false);
        this.field = field;
    }

    String field() {
        return field;
    }
}
