package ca.gigafibre.automation.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.Escalation;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Signal;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, what ops and analysts read in the models: every name French first with English after, and every task form
 * of a customer showing who the task is about (read-only, filled by the engine as the task starts).
 */
class TasklistModelsTest {

    private static final Path PROCESSES = Path.of("processes");
    private static final Path FORMS = Path.of("forms");
    /** Processes whose tasks are about a batch, not one customer. */
    private static final Set<String> NO_CUSTOMER = Set.of("e911-audit-review", "erp-drift-review");
    private static final List<String> CUSTOMER_FIELDS = List.of("customerName", "customerPhones", "customerLanguage", "customer360Link");
    /** The teams' processes, whose task names tell one task from the next. */
    private static final Set<String> TEAM_PROCESSES = Set.of("account-collections-negotiation", "account-collections-suspension",
            "suspension-notice", "suspension", "ppa-charge", "provisioning", "e911-address-change", "deactivation",
            "support-resolution", "support-work-order", "sales-signature", "sales-installation");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyElementNameIsFrenchThenEnglish() throws IOException {
        List<String> unilingual = new ArrayList<>();
        for (Path file : bpmnFiles()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
                // message names are what the engine correlates on (API); errors, signals and escalations are codes
                if (element instanceof Message || element instanceof Error || element instanceof Signal || element instanceof Escalation) {
                    continue;
                }
                String name = element.getAttributeValue("name");
                if (name == null) {
                    continue;
                }
                String[] parts = name.split(" / ", 2);
                if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
                    unilingual.add(file.getFileName() + " " + element.getId() + ": " + name);
                }
            }
        }
        assertThat(unilingual).isEmpty();
    }

    @Test
    void everyTaskFormOfACustomerShowsTheCustomerReadOnly() throws IOException {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Path file : bpmnFiles()) {
            String process = file.getFileName().toString().replace(".bpmn", "");
            if (NO_CUSTOMER.contains(process)) {
                continue;
            }
            for (UserTask task : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class)) {
                String formRef = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
                Map<String, Boolean> readOnlyByKey = new HashMap<>();
                collect(JSON.readTree(FORMS.resolve(formRef + ".form").toFile()), readOnlyByKey);
                for (String field : CUSTOMER_FIELDS) {
                    if (!Boolean.TRUE.equals(readOnlyByKey.get(field))) {
                        missing.add(process + "/" + task.getId() + " (" + formRef + "): " + field);
                    }
                }
                checked++;
            }
        }
        assertThat(missing).isEmpty();
        assertThat(checked).isEqualTo(22);
    }

    @Test
    void teamTaskNamesEndWithWhoTheTaskIsAbout() throws IOException {
        List<String> plain = new ArrayList<>();
        for (Path file : bpmnFiles()) {
            if (!TEAM_PROCESSES.contains(file.getFileName().toString().replace(".bpmn", ""))) {
                continue;
            }
            for (UserTask task : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class)) {
                if (!task.getName().endsWith(" — ${taskSubject}")) {
                    plain.add(task.getId() + ": " + task.getName());
                }
            }
        }
        assertThat(plain).isEmpty();
    }

    private static void collect(JsonNode container, Map<String, Boolean> readOnlyByKey) {
        for (JsonNode component : container.path("components")) {
            if (component.hasNonNull("key")) {
                readOnlyByKey.put(component.get("key").asText(), component.path("readonly").asBoolean(false));
            }
            collect(component, readOnlyByKey);
        }
    }

    private static List<Path> bpmnFiles() throws IOException {
        try (Stream<Path> files = Files.list(PROCESSES)) {
            return files.filter(path -> path.toString().endsWith(".bpmn")).sorted().toList();
        }
    }
}
