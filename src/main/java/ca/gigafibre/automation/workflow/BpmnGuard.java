package ca.gigafibre.automation.workflow;

import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Walks every element and attribute of a BPMN file as Camunda's own parser read it (so a namespace alias such as the old
 * {@code activiti:} one cannot hide anything) and lists what would run code: scripts, Java classes, connectors, shell
 * or mail tasks, field injection, external resources, HTML forms, and expressions beyond {@link ExpressionPolicy}.
 */
final class BpmnGuard {

    private static final Set<String> ENGINE_NAMESPACES = Set.of("http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn");
    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    /** Diagram interchange: shapes and edges, never evaluated. */
    private static final Set<String> DIAGRAM_NAMESPACES = Set.of("http://www.omg.org/spec/BPMN/20100524/DI",
            "http://www.omg.org/spec/DD/20100524/DC", "http://www.omg.org/spec/DD/20100524/DI");

    private static final Set<String> REFUSED_ELEMENTS = Set.of("scriptTask", "script", "connector", "field", "formData", "import");
    /** Not evaluated by the engine: prose for people. */
    private static final Set<String> PROSE = Set.of("documentation", "text");

    private final ExpressionPolicy expressions;

    BpmnGuard(ExpressionPolicy expressions) {
        this.expressions = expressions;
    }

    /**
     * Walks the whole model, handing each refusal to {@code sink} with the nearest element that has an id (a listener or mapping is
     * reported on its task, which the Modeler can highlight).
     */
    void walk(Element root, BiConsumer<Element, ModelViolation> sink) {
        walk(root, root, sink);
    }

    private void walk(Element element, Element owner, BiConsumer<Element, ModelViolation> sink) {
        Element identified = element.attribute("id") != null ? element : owner;
        String namespace = element.getUri() == null ? "" : element.getUri();
        if (DIAGRAM_NAMESPACES.contains(namespace)) {
            return;
        }
        String tag = element.getTagName();
        if (REFUSED_ELEMENTS.contains(tag) && (ENGINE_NAMESPACES.contains(namespace) || BPMN.equals(namespace))) {
            sink.accept(identified, violation(element, identified, "", refusedElement(tag)));
        }
        for (String key : element.attributes()) {
            if (key.startsWith("xmlns")) {
                continue;
            }
            int colon = key.lastIndexOf(':');
            // unqualified attributes belong to their element: <camunda:taskListener class="…"> is Camunda's
            String attributeNamespace = colon < 0 ? namespace : key.substring(0, colon);
            String name = colon < 0 ? key : key.substring(colon + 1);
            checkAttribute(attributeNamespace, name, element.attribute(key))
                    .ifPresent(reason -> sink.accept(identified, violation(element, identified, prefixed(attributeNamespace, name), reason)));
        }
        String text = element.getText();
        if (!PROSE.contains(tag) && ExpressionPolicy.isExpression(text)) {
            expressions.checkValue(text.trim()).ifPresent(reason -> sink.accept(identified, violation(element, identified, "",
                    "expression " + abbreviate(text.trim()) + ": " + reason)));
        }
        for (Element child : element.elements()) {
            walk(child, identified, sink);
        }
    }

    private Optional<String> checkAttribute(String namespace, String name, String value) {
        boolean engine = ENGINE_NAMESPACES.contains(namespace);
        if (engine && (name.equals("class") || name.endsWith("Class"))) {
            return Optional.of("a Java class runs any code: use camunda:delegateExpression with one of the project's delegates");
        }
        if ((engine && name.equals("resource")) || name.equals("scriptFormat") || (name.equals("language") && !value.isBlank())) {
            return Optional.of("scripts and external resources are not allowed in a deployed model");
        }
        if (engine && name.equals("type")) {
            return Optional.of("camunda:type '" + value + "' (external, connector, mail, shell) is not allowed: use a delegate");
        }
        if (engine && name.equals("formKey")) {
            return value.startsWith("camunda-forms:") && value.endsWith(".form") ? Optional.empty()
                    : Optional.of("only Camunda Forms (camunda:formRef, or camunda-forms:…form); HTML forms run script in staff browsers");
        }
        if (engine && (name.equals("delegateExpression") || name.endsWith("DelegateExpression"))) {
            return expressions.checkDelegate(value).map(reason -> abbreviate(value) + ": " + reason);
        }
        if (engine && name.equals("expression")) {
            return expressions.checkCall(value).map(reason -> abbreviate(value) + ": " + reason);
        }
        if (ExpressionPolicy.isExpression(value)) {
            return expressions.checkValue(value).map(reason -> "expression " + abbreviate(value) + ": " + reason);
        }
        return Optional.empty();
    }

    private static String refusedElement(String tag) {
        return switch (tag) {
            case "scriptTask", "script" -> "scripts are not allowed in a deployed model: use a delegate";
            case "connector" -> "connectors call any URL: use a delegate";
            case "field" -> "field injection changes a shared delegate: pass values as variables";
            case "formData" -> "generated forms are not allowed: use a Camunda Form (camunda:formRef)";
            default -> "imports load external documents";
        };
    }

    private static ModelViolation violation(Element element, Element identified, String attribute, String reason) {
        String id = identified.attribute("id") == null ? identified.getTagName() : identified.attribute("id");
        String where = element == identified ? id : id + " / " + element.getTagName();
        return new ModelViolation(where, attribute, element.getLine(), reason);
    }

    private static String prefixed(String namespace, String name) {
        return ENGINE_NAMESPACES.contains(namespace) ? "camunda:" + name : name;
    }

    static String abbreviate(String text) {
        return "'" + (text.length() > 120 ? text.substring(0, 120) + "…" : text) + "'";
    }
}
