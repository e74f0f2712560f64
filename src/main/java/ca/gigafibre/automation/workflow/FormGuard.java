package ca.gigafibre.automation.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A deployed form is a Camunda Form (form-js JSON) made of input and layout components only: no {@code html} or
 * {@code iframe} component, which would put an analyst's markup or page in front of ops and admins.
 */
final class FormGuard {

    private static final Set<String> COMPONENTS = Set.of("default", "textfield", "textarea", "number", "datetime", "checkbox",
            "checklist", "radio", "select", "taglist", "text", "separator", "spacer", "group", "dynamiclist", "button");

    private final ObjectMapper json = new ObjectMapper();

    List<ModelViolation> check(byte[] content) {
        JsonNode root;
        try {
            root = json.readTree(content);
        } catch (Exception e) {
            return List.of(new ModelViolation("form", "", 0, "not Camunda Forms JSON: " + e.getMessage()));
        }
        if (root == null || !root.isObject() || !root.path("components").isArray()) {
            return List.of(new ModelViolation("form", "", 0, "not a Camunda Form (a JSON object with \"components\")"));
        }
        List<ModelViolation> violations = new ArrayList<>();
        walk(root, violations);
        return violations;
    }

    private void walk(JsonNode component, List<ModelViolation> violations) {
        String type = component.path("type").asText("");
        if (!COMPONENTS.contains(type)) {
            String id = component.path("id").asText(component.path("key").asText(type));
            violations.add(new ModelViolation(id, "type", 0, "form component type '" + type + "' is not allowed (input and layout components only)"));
        }
        for (JsonNode child : component.path("components")) {
            walk(child, violations);
        }
    }
}
