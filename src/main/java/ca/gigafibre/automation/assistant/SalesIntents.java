package ca.gigafibre.automation.assistant;

import static ca.gigafibre.automation.assistant.SlotValues.customer;

import ca.gigafibre.automation.assistant.interpret.Slots;
import ca.gigafibre.automation.customer.LocationView;
import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.error.ConflictException;
import ca.gigafibre.automation.sales.NewQuote;
import ca.gigafibre.automation.sales.QuoteService;
import ca.gigafibre.automation.sales.Quotes;
import ca.gigafibre.automation.sales.SalesActivations;
import ca.gigafibre.automation.support.Technicians;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * create-quote, convert-quote, schedule-installation: through {@link QuoteService}, {@link SalesActivations} and the
 * "Planifier l'installation" task of the quote's {@code sales-installation} (completed as from Tasklist, with its checks).
 */
@Component
class SalesIntents implements IntentGroup {

    static final String SCHEDULE_TASK = "UserTask_ScheduleInstallation";

    private final QuoteService quoteService;
    private final Quotes quotes;
    private final SalesActivations activations;
    private final CustomerLocations locations;
    private final Technicians technicians;
    private final TaskService tasks;
    private final JdbcClient jdbc;
    private final Requests requests;

    SalesIntents(QuoteService quoteService, Quotes quotes, SalesActivations activations, CustomerLocations locations, Technicians technicians,
                 TaskService tasks, JdbcClient jdbc, Requests requests) {
        this.quoteService = quoteService;
        this.quotes = quotes;
        this.activations = activations;
        this.locations = locations;
        this.technicians = technicians;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.requests = requests;
    }

    @Override
    public List<IntentHandler> handlers() {
        return List.of(
                IntentHandler.change("create-quote", true, this::proposeQuote, this::createQuote),
                IntentHandler.change("convert-quote", false, this::proposeConversion,
                        p -> activations.convert((String) p.get(Slots.QUOTE_ID), AuditLog.currentActor())),
                IntentHandler.change("schedule-installation", false, this::proposeInstallation, this::scheduleInstallation));
    }

    @SuppressWarnings("unchecked")
    private Draft proposeQuote(Map<String, Object> slots) {
        String customer = customer(slots);
        List<String> skus = (List<String>) slots.getOrDefault(Slots.SKUS, List.of());
        if (skus.isEmpty()) {
            throw new Clarification("Quels services mettre dans la soumission (ex. « fibre 100M et routeur ») ?",
                    "Which services go in the quote (e.g. \"fibre 100M and a router\")?");
        }
        LocationView location = locations.location(slots, customer);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put(Slots.CUSTOMER_ID, customer);
        parameters.put(Slots.LOCATION_ID, location.id());
        parameters.put(Slots.SKUS, List.copyOf(skus));
        String address = CustomerLocations.address(location);
        return Draft.proposal(parameters,
                "Créer une soumission pour " + customer + " au " + address + " : " + String.join(", ", skus)
                        + " (prix du catalogue, TPS et TVQ) ; le processus de vente démarre (révision, signature DocuSeal).",
                "Create a quote for " + customer + " at " + address + ": " + String.join(", ", skus)
                        + " (catalogue prices, TPS and TVQ); the sales process starts (review, DocuSeal signature).",
                List.of("DocuSeal"));
    }

    @SuppressWarnings("unchecked")
    private Object createQuote(Map<String, Object> p) {
        List<NewQuote.Line> lines = ((List<String>) p.get(Slots.SKUS)).stream().map(sku -> new NewQuote.Line(sku, null, 1, null, null)).toList();
        NewQuote quote = requests.valid(new NewQuote((String) p.get(Slots.CUSTOMER_ID), (String) p.get(Slots.LOCATION_ID), null, null, null, null, lines));
        return quoteService.create(quote);
    }

    private Draft proposeConversion(Map<String, Object> slots) {
        String quote = SlotValues.required(slots, Slots.QUOTE_ID, "Quelle soumission (ex. SOQ-00908) ?", "Which quote (e.g. SOQ-00908)?");
        String customer = quotes.get(quote).customerId();
        return Draft.proposal(Map.of(Slots.QUOTE_ID, quote, Slots.CUSTOMER_ID, customer),
                "Convertir la soumission " + quote + " de " + customer + " en service actif (signée hors du moteur) : adresse, équipement, "
                        + "installation, provisioning (OLT, PBX, 911), abonnements et première facture.",
                "Convert quote " + quote + " of " + customer + " to active service (signed outside the engine): location, equipment, installation, "
                        + "provisioning (OLT, PBX, 911), subscriptions and first invoice.",
                List.of("OLT", "PBX", "911", "GenieACS"));
    }

    private Draft proposeInstallation(Map<String, Object> slots) {
        Task task = scheduleTask(slots);
        String quote = quoteOf(task);
        LocalDate date = SlotValues.date(slots, Slots.DATE);
        if (date == null) {
            throw new Clarification("Pour quel jour (ex. « mardi prochain en après-midi ») ?", "On which day (e.g. \"next Tuesday afternoon\")?");
        }
        String window = SlotValues.required(slots, Slots.WINDOW, "Le matin (8 h–12 h) ou l'après-midi (12 h–17 h) ?",
                "Morning (8–12) or afternoon (12–5)?");
        String technicianRef = SlotValues.optional(slots, Slots.TECHNICIAN_REF);
        Technicians.Technician technician = technicianRef == null ? null : technicians.activeByNo(technicianRef)
                .or(() -> technicians.active().stream().filter(t -> t.name().equalsIgnoreCase(technicianRef)).findFirst()).orElse(null);
        if (technician == null) {
            String list = technicians.active().stream().limit(10).map(Technicians.Technician::label).reduce((a, b) -> a + ", " + b).orElse("");
            throw new Clarification("Quel technicien ? " + list, "Which technician? " + list);
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put(Slots.QUOTE_ID, quote);
        parameters.put(Slots.DATE, date.toString());
        parameters.put(Slots.WINDOW, window);
        parameters.put("technicianId", technician.technicianNo());
        String slotFr = "am".equals(window) ? "en matinée (8 h–12 h)" : "en après-midi (12 h–17 h)";
        String slotEn = "am".equals(window) ? "in the morning (8–12)" : "in the afternoon (12–5)";
        return Draft.proposal(parameters,
                "Planifier l'installation de la soumission " + quote + " le " + SlotValues.dateFr(date) + " " + slotFr + " avec " + technician.label()
                        + " : travail de répartition créé, client avisé dans la fenêtre d'envoi.",
                "Schedule the installation of quote " + quote + " on " + SlotValues.dateEn(date) + " " + slotEn + " with " + technician.label()
                        + ": dispatch job created, customer notified in the sending window.",
                List.of("SMS/courriel"));
    }

    private Object scheduleInstallation(Map<String, Object> p) {
        String quote = (String) p.get(Slots.QUOTE_ID);
        Task task = tasks.createTaskQuery().taskDefinitionKey(SCHEDULE_TASK).processInstanceBusinessKey(quote).singleResult();
        if (task == null) {
            throw new ConflictException("The installation of " + quote + " is no longer waiting to be scheduled");
        }
        tasks.complete(task.getId(), Map.of("installationDate", p.get(Slots.DATE), "installationWindow", p.get(Slots.WINDOW),
                "technicianId", p.get("technicianId")));
        return Map.of(Slots.QUOTE_ID, quote, "taskId", task.getId(), "status", "scheduled");
    }

    private Task scheduleTask(Map<String, Object> slots) {
        String quote = SlotValues.optional(slots, Slots.QUOTE_ID);
        List<Task> waiting;
        if (quote != null) {
            waiting = tasks.createTaskQuery().taskDefinitionKey(SCHEDULE_TASK).processInstanceBusinessKey(quote).unlimitedList();   // one quote's tasks: few by nature
        } else {
            String customer = customer(slots);
            List<String> quoteNos = jdbc.sql("""
                    SELECT q.quote_no FROM automation.quote q JOIN automation.customer c ON c.id = q.customer_id WHERE c.customer_no = :no
                    """).param("no", customer).query(String.class).list();
            waiting = quoteNos.isEmpty() ? List.of()
                    : tasks.createTaskQuery().taskDefinitionKey(SCHEDULE_TASK).processInstanceBusinessKeyIn(quoteNos.toArray(String[]::new)).unlimitedList();
        }
        if (waiting.isEmpty()) {
            throw new Refusal("nothing-to-schedule", "Aucune installation n'attend d'être planifiée pour cette demande.",
                    "No installation is waiting to be scheduled for this request.");
        }
        if (waiting.size() > 1) {
            throw new Clarification("Plusieurs installations attendent : laquelle (numéro de soumission) ?",
                    "Several installations are waiting: which one (quote number)?");
        }
        return waiting.get(0);
    }

    private String quoteOf(Task task) {
        return jdbc.sql("SELECT business_key_ FROM act_ru_execution WHERE id_ = :id").param("id", task.getProcessInstanceId())
                .query(String.class).single();
    }
}
