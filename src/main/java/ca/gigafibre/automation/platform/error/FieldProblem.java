package ca.gigafibre.automation.platform.error;

/** One field at fault in a request, as problem JSON lists it: {@code {"field": "lines[0].quantity", "message": "..."}}. */
public record FieldProblem(String field, String message) {
}
