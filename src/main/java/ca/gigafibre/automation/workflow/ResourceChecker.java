package ca.gigafibre.automation.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.SAXParserFactory;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Checks what Camunda itself does not, before anything is deployed: XML well-formedness with a line number,
 * Camunda Forms (valid form-js JSON with an id and components, ids unique), and that every user task's
 * {@code camunda:formRef} names a form that exists. Camunda's own parser then checks BPMN/DMN semantics.
 */
@Component
public class ResourceChecker {

    private final ObjectMapper json = new ObjectMapper();
    private final SAXParserFactory sax = SAXParserFactory.newInstance();

    public ResourceChecker() {
        sax.setNamespaceAware(true);
        try {
            // BPMN and DMN never need a DOCTYPE: refusing it refuses external entities (XXE) and entity expansion
            sax.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            sax.setFeature("http://xml.org/sax/features/external-general-entities", false);
            sax.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IllegalStateException("the XML parser cannot refuse DOCTYPEs", e);
        }
    }

    public List<ResourceProblem> check(List<AnalystResource> models, List<AnalystResource> forms) {
        List<ResourceProblem> problems = new ArrayList<>();
        Map<String, String> formIds = new HashMap<>();
        for (AnalystResource form : forms) {
            checkForm(form, formIds, problems);
        }
        for (AnalystResource model : models) {
            if (checkWellFormed(model, problems) && model.name().endsWith(".bpmn")) {
                checkFormRefs(model, formIds, problems);
            }
        }
        return problems;
    }

    private boolean checkWellFormed(AnalystResource resource, List<ResourceProblem> problems) {
        try {
            sax.newSAXParser().parse(new ByteArrayInputStream(resource.content()), new DefaultHandler());
            return true;
        } catch (SAXParseException e) {
            problems.add(new ResourceProblem(resource.name(), e.getLineNumber(), "not well-formed XML: " + e.getMessage()));
        } catch (Exception e) {
            problems.add(new ResourceProblem(resource.name(), 0, "cannot be read as XML: " + e.getMessage()));
        }
        return false;
    }

    private void checkForm(AnalystResource form, Map<String, String> formIds, List<ResourceProblem> problems) {
        JsonNode root;
        try {
            root = json.readTree(form.content());
        } catch (JsonProcessingException e) {
            problems.add(new ResourceProblem(form.name(), e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "not valid JSON: " + e.getOriginalMessage()));
            return;
        } catch (IOException e) {
            problems.add(new ResourceProblem(form.name(), 0, "cannot be read: " + e.getMessage()));
            return;
        }
        String id = root.path("id").asText("");
        if (id.isBlank()) {
            problems.add(new ResourceProblem(form.name(), 0, "a Camunda Form needs a top-level \"id\" (used by camunda:formRef)"));
        } else if (formIds.putIfAbsent(id, form.name()) != null) {
            problems.add(new ResourceProblem(form.name(), 0, "form id '" + id + "' is also used by " + formIds.get(id)));
        }
        if (!root.path("components").isArray()) {
            problems.add(new ResourceProblem(form.name(), 0, "a Camunda Form needs a \"components\" array"));
        }
        if (!root.path("schemaVersion").canConvertToInt()) {
            problems.add(new ResourceProblem(form.name(), 0, "a Camunda Form needs a numeric \"schemaVersion\" (16 for Tasklist 7.24)"));
        }
    }

    /** The message with its root cause, where parsers put the line and the real problem. */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.getMessage() : e.getMessage() + ": " + root.getMessage();
    }

    private void checkFormRefs(AnalystResource bpmn, Map<String, String> formIds, List<ResourceProblem> problems) {
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn.content()));
        } catch (RuntimeException e) {
            problems.add(new ResourceProblem(bpmn.name(), 0, "not a valid BPMN model: " + rootMessage(e)));
            return;
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String formRef = task.getCamundaFormRef();
            if (formRef == null && task.getCamundaFormKey() == null) {
                problems.add(new ResourceProblem(bpmn.name(), 0,
                        "user task '" + task.getId() + "' has no form: set camunda:formRef to a form in forms/"));
            } else if (formRef != null && !formRef.contains("${") && !formIds.containsKey(formRef)) {
                problems.add(new ResourceProblem(bpmn.name(), 0,
                        "user task '" + task.getId() + "' refers to form '" + formRef + "', which no file in forms/ defines"));
            }
        }
    }
}
