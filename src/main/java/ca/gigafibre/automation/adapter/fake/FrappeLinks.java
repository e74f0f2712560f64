package ca.gigafibre.automation.adapter.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.BiPredicate;

/**
 * ERPNext's link validation for the doctypes the engine writes: a document may only link to documents that exist
 * (417 {@code LinkValidationError}, "Could not find Customer: C-1"). Create what a document links to before the document.
 */
final class FrappeLinks {

    private final BiPredicate<String, String> exists;

    /** @param exists whether a document of this doctype and name exists */
    FrappeLinks(BiPredicate<String, String> exists) {
        this.exists = exists;
    }

    void validate(String doctype, ObjectNode document) {
        switch (doctype) {
            case "Sales Invoice" -> {
                link(document, "customer", "Customer");
                link(document, "return_against", "Sales Invoice");
                document.path("items").forEach(row -> link(row, "item_code", "Item"));
                document.path("advances").forEach(row -> link(row, "reference_name",
                        row.path("reference_type").asText("").isBlank() ? "Payment Entry" : row.path("reference_type").asText()));
            }
            case "Payment Entry" -> {
                link(document, "party", document.path("party_type").asText("Customer").isBlank() ? "Customer"
                        : document.path("party_type").asText("Customer"));
                document.path("references").forEach(row -> link(row, "reference_name",
                        row.path("reference_doctype").asText("").isBlank() ? "Sales Invoice" : row.path("reference_doctype").asText()));
            }
            case "Service Location", "Service Equipment" -> link(document, "customer", "Customer");
            case "Service Subscription" -> {
                link(document, "customer", "Customer");
                link(document, "item_code", "Item");
            }
            case "Quotation" -> link(document, "party_name", document.path("quotation_to").asText("Customer").isBlank() ? "Customer"
                    : document.path("quotation_to").asText("Customer"));
            case "Item Price" -> link(document, "item_code", "Item");
            default -> {
                // no links checked
            }
        }
    }

    private void link(JsonNode document, String field, String target) {
        String value = document.path(field).asText("");
        if (!value.isEmpty() && !exists.test(target, value)) {
            throw FrappeError.linkMissing(target, value);
        }
    }
}
