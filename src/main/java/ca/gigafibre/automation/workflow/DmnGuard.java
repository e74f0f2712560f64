package ca.gigafibre.automation.workflow;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * A DMN file may use FEEL only. Any {@code expressionLanguage} must name FEEL; and because the engine runs with the legacy
 * Java FEEL (fast, but it reads input expressions and output entries as JUEL and turns unary tests into JUEL), every
 * expression text must also be simple: input expressions and output entries a variable name or a literal, input entries
 * plain FEEL unary tests ({@code -}, {@code >= 3}, {@code [1..5[}, {@code "a","b"}, {@code not("x")}). No method calls,
 * no {@code ${…}}, no scripts, whichever language the engine would pick.
 */
final class DmnGuard {

    private static final Set<String> UNARY_TESTS = Set.of("inputEntry", "inputValues", "outputValues", "allowedValues");
    private static final Set<String> SIMPLE_VALUES = Set.of("inputExpression", "outputEntry", "literalExpression", "defaultOutputEntry");

    private static final String LITERAL = "(?:-?\\d+(?:\\.\\d+)?|\"[^\"$#{}\\\\]*\"|true|false|null)";
    private static final String NAME = "[A-Za-z_][A-Za-z0-9_]*";
    private static final String ENDPOINT = "(?:" + LITERAL + "|" + NAME + "|date and time\\(\"[0-9T:.+\\-Z]*\"\\))";
    private static final String TEST = "(?:(?:<=|>=|<|>|=)?\\s*" + ENDPOINT
            + "|[\\[\\]]\\s*" + ENDPOINT + "\\s*\\.\\.\\s*" + ENDPOINT + "\\s*[\\[\\]])";
    private static final String TESTS = TEST + "(?:\\s*,\\s*" + TEST + ")*";
    private static final Pattern UNARY = Pattern.compile("\\s*(?:-|" + TESTS + "|not\\(\\s*" + TESTS + "\\s*\\))?\\s*");
    private static final Pattern SIMPLE = Pattern.compile("\\s*(?:" + LITERAL + "|" + NAME + ")?\\s*");

    List<ModelViolation> check(byte[] content) {
        List<ModelViolation> violations = new ArrayList<>();
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(content));
        } catch (Exception e) {
            return List.of(new ModelViolation("definitions", "", 0, "not readable XML: " + e.getMessage()));
        }
        walk(document.getDocumentElement(), null, violations);
        return violations;
    }

    private void walk(Element element, Element owner, List<ModelViolation> violations) {
        String tag = element.getLocalName();
        Element identified = element.hasAttribute("id") ? element : owner;
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if ("expressionLanguage".equals(attribute.getLocalName()) && !isFeel(attribute.getValue())) {
                violations.add(violation(identified, tag, "expressionLanguage",
                        "'" + attribute.getValue() + "' is not FEEL: DMN tables use FEEL only"));
            }
        }
        if (UNARY_TESTS.contains(tag) || SIMPLE_VALUES.contains(tag)) {
            String text = text(element);
            Pattern allowed = UNARY_TESTS.contains(tag) ? UNARY : SIMPLE;
            if (!allowed.matcher(text).matches()) {
                violations.add(violation(identified, tag, "", BpmnGuard.abbreviate(text) + " is not a simple FEEL "
                        + (allowed == UNARY ? "test (-, < 3, [1..5], \"a\",\"b\", not(…))" : "value (a variable name or a literal)")));
            }
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                walk(child, identified, violations);
            }
        }
    }

    /** The expression's text: its {@code <text>} child. */
    private static String text(Element element) {
        NodeList texts = element.getElementsByTagNameNS("*", "text");
        return texts.getLength() == 0 ? "" : texts.item(0).getTextContent();
    }

    private static boolean isFeel(String language) {
        String lower = language.trim().toLowerCase(Locale.ROOT);
        return lower.equals("feel") || lower.matches("https?://www\\.omg\\.org/spec/(dmn/\\d+/)?feel/(\\d+/?)?");
    }

    private static ModelViolation violation(Element identified, String tag, String attribute, String reason) {
        String id = identified == null ? tag : identified.getAttribute("id");
        return new ModelViolation(id, attribute, 0, (identified != null && !tag.equals(identified.getLocalName()) ? tag + ": " : "") + reason);
    }
}
