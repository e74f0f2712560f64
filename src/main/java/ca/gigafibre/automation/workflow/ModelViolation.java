package ca.gigafibre.automation.workflow;

/**
 * Something in an analyst's model the deployment guard refuses, where: the element's id (or tag when it has none), the
 * attribute (empty for an element or its text), the line, and why.
 */
record ModelViolation(String elementId, String attribute, int line, String reason) {

    String describe(String resource) {
        return resource + (line > 0 ? " line " + line : "") + ", element '" + elementId + "'"
                + (attribute.isEmpty() ? "" : ", attribute " + attribute) + ": " + reason;
    }
}
