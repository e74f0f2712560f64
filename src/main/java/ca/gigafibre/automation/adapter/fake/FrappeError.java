package ca.gigafibre.automation.adapter.fake;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mockserver.model.HttpResponse;

/** A Frappe error as ERPNext answers it: HTTP status, {@code exc_type}, {@code exception} and {@code _server_messages}. */
final class FrappeError extends RuntimeException {

    private final int status;
    private final String excType;

    FrappeError(int status, String excType, String message) {
        super(message);
        this.status = status;
        this.excType = excType;
    }

    static FrappeError notFound(String doctype, String name) {
        return new FrappeError(404, "DoesNotExistError", doctype + " " + name + " not found");
    }

    static FrappeError linkMissing(String label, String value) {
        return new FrappeError(417, "LinkValidationError", "Could not find " + label + ": " + value);
    }

    static FrappeError validation(String message) {
        return new FrappeError(417, "ValidationError", message);
    }

    int status() {
        return status;
    }

    HttpResponse response() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode message = f.objectNode().put("message", getMessage()).put("title", "Message").put("indicator", "red")
                .put("raise_exception", 1);
        ObjectNode body = f.objectNode();
        body.put("exc_type", excType);
        body.put("exception", "frappe.exceptions." + excType + ": " + getMessage());
        // Frappe's _server_messages: a JSON string holding a list of JSON strings
        body.put("_server_messages", f.arrayNode().add(message.toString()).toString());
        return FakeResponses.json(status, body.toString());
    }
}
