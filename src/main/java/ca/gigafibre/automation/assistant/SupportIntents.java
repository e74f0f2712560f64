package ca.gigafibre.automation.assistant;

import ca.gigafibre.automation.customer.CustomerNo;
import static ca.gigafibre.automation.assistant.SlotValues.customer;

import ca.gigafibre.automation.assistant.interpret.Slots;
import ca.gigafibre.automation.customer.LocationView;
import ca.gigafibre.automation.assistant.interpret.Text;
import ca.gigafibre.automation.support.ConnectionController;
import ca.gigafibre.automation.support.ConnectionDiagnosis;
import ca.gigafibre.automation.support.TechnicianController;
import ca.gigafibre.automation.support.dispatch.DispatchJobRequest;
import ca.gigafibre.automation.support.dispatch.DispatchJobService;
import java.time.LocalDate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * check-internet, reboot, visit-count, tech-hours, dispatch. The connection, reboot, visits and hours are answered by the
 * support controllers themselves (their logic lives there), called as beans: the same code path as the REST API; a
 * dispatch is booked by {@link DispatchJobService} ({@code POST /api/dispatch-jobs}).
 */
@Component
class SupportIntents implements IntentGroup {

    private final ConnectionController connections;
    private final TechnicianController technicians;
    private final CustomerLocations locations;
    private final DispatchJobService dispatchJobs;
    private final Requests requests;

    SupportIntents(ConnectionController connections, TechnicianController technicians, CustomerLocations locations,
                   DispatchJobService dispatchJobs, Requests requests) {
        this.connections = connections;
        this.technicians = technicians;
        this.locations = locations;
        this.dispatchJobs = dispatchJobs;
        this.requests = requests;
    }

    @Override
    public List<IntentHandler> handlers() {
        return List.of(
                IntentHandler.read("check-internet", true, this::checkInternet),
                IntentHandler.change("reboot", true, this::proposeReboot,
                        p -> connections.reboot(CustomerNo.of((String) p.get(Slots.CUSTOMER_ID)), (String) p.get(Slots.LOCATION_ID)).getBody()),
                IntentHandler.read("visit-count", true, this::visits),
                IntentHandler.read("tech-hours", true, this::hours),
                IntentHandler.change("dispatch", true, this::proposeDispatch, this::dispatch));
    }

    private Draft checkInternet(Map<String, Object> slots) {
        String customer = customer(slots);
        String location = locations.location(slots, customer).id();
        ConnectionDiagnosis.Connection connection = connections.connection(CustomerNo.of(customer), location);
        String fr = customer + " : ONT " + connection.ontState() + ", signal " + connection.signal() + ", routeur "
                + (connection.online() ? "en ligne" : "hors ligne") + (connection.ip() == null ? "" : ", IP " + connection.ip()) + ".";
        String en = customer + ": ONT " + connection.ontState() + ", signal " + connection.signal() + ", router "
                + (connection.online() ? "online" : "offline") + (connection.ip() == null ? "" : ", IP " + connection.ip()) + ".";
        return Draft.answer(Map.of(Slots.CUSTOMER_ID, customer, Slots.LOCATION_ID, location), fr, en, connection);
    }

    private Draft proposeReboot(Map<String, Object> slots) {
        String customer = customer(slots);
        String location = locations.location(slots, customer).id();
        return Draft.proposal(Map.of(Slots.CUSTOMER_ID, customer, Slots.LOCATION_ID, location),
                "Redémarrer le routeur (CPE) de " + customer + " (" + location + ") par GenieACS : la connexion sera coupée une à deux minutes.",
                "Reboot " + customer + "'s router (CPE) at " + location + " through GenieACS: the connection drops for a minute or two.",
                List.of("GenieACS"));
    }

    private Draft visits(Map<String, Object> slots) {
        String customer = customer(slots);
        LocationView location = locations.location(slots, customer);
        ConnectionController.Visits visits = connections.visits(location.id());
        String address = CustomerLocations.address(location);
        return Draft.answer(Map.of(Slots.CUSTOMER_ID, customer, Slots.LOCATION_ID, location.id()),
                visits.count() + " visite(s) de technicien au " + address + ".",
                visits.count() + " technician visit(s) at " + address + ".", visits);
    }

    private Draft hours(Map<String, Object> slots) {
        String customer = customer(slots);
        String ref = SlotValues.required(slots, Slots.TECHNICIAN_REF, "Quel technicien (par exemple TECH-001 ou son nom) ?",
                "Which technician (e.g. TECH-001 or a name)?");
        String technicianId = technician(ref);
        TechnicianController.Hours hours = technicians.hours(technicianId, customer);
        BigDecimal h = hours.hours();
        return Draft.answer(Map.of(Slots.CUSTOMER_ID, customer, "technicianId", technicianId),
                technicianId + " a passé " + h.toPlainString().replace('.', ',') + " h chez " + customer + " (" + hours.visits() + " bon(s) de travail).",
                technicianId + " spent " + h.toPlainString() + " h at " + customer + "'s (" + hours.visits() + " work order(s)).", hours);
    }

    private Draft proposeDispatch(Map<String, Object> slots) {
        String customer = customer(slots);
        LocationView location = locations.locationAt(slots, customer);
        LocalDate date = SlotValues.date(slots, Slots.DATE);
        if (date == null) {
            throw new Clarification("Pour quel jour (ex. « demain matin », « mardi prochain en après-midi ») ?",
                    "On which day (e.g. \"tomorrow morning\", \"next Tuesday afternoon\")?");
        }
        String window = SlotValues.optional(slots, Slots.WINDOW) == null ? "day" : (String) slots.get(Slots.WINDOW);
        String skill = SlotValues.optional(slots, Slots.SKILL) == null ? "fibre" : (String) slots.get(Slots.SKILL);
        String ref = SlotValues.optional(slots, Slots.TECHNICIAN_REF);
        String technicianId = ref == null ? null : technician(ref);
        Map<String, Object> parameters = new java.util.LinkedHashMap<>();
        parameters.put(Slots.CUSTOMER_ID, customer);
        parameters.put(Slots.LOCATION_ID, location.id());
        parameters.put(Slots.DATE, date.toString());
        parameters.put(Slots.WINDOW, window);
        parameters.put(Slots.SKILL, skill);
        if (technicianId != null) {
            parameters.put("technicianId", technicianId);
        }
        String slotFr = switch (window) {
            case "am" -> "en matinée (8 h–12 h)";
            case "pm" -> "en après-midi (12 h–17 h)";
            default -> "dans la journée (8 h–17 h)";
        };
        String slotEn = switch (window) {
            case "am" -> "in the morning (8–12)";
            case "pm" -> "in the afternoon (12–5)";
            default -> "during the day (8–5)";
        };
        String address = CustomerLocations.address(location);
        return Draft.proposal(parameters,
                "Envoyer un technicien (" + skill + ") chez " + customer + " au " + address + " le " + SlotValues.dateFr(date) + " " + slotFr + " : "
                        + (technicianId == null ? "le meilleur technicien libre selon les règles de classement" : technicianId)
                        + " est réservé pour cette plage.",
                "Send a technician (" + skill + ") to " + customer + " at " + address + " on " + SlotValues.dateEn(date) + " " + slotEn + ": "
                        + (technicianId == null ? "the best free technician as the ranking rules rank them" : technicianId)
                        + " is booked for that window.",
                List.of());
    }

    private Object dispatch(Map<String, Object> p) {
        return dispatchJobs.book(requests.valid(new DispatchJobRequest((String) p.get(Slots.CUSTOMER_ID), (String) p.get(Slots.LOCATION_ID),
                LocalDate.parse((String) p.get(Slots.DATE)), (String) p.get(Slots.WINDOW), (String) p.get(Slots.SKILL),
                (String) p.get("technicianId"))));
    }

    private String technician(String ref) {
        if (ref.matches("TECH-\\d+")) {
            return ref;
        }
        String wanted = Text.fold(ref);
        List<TechnicianController.TechnicianView> matches = new ArrayList<>();
        for (TechnicianController.TechnicianView t : technicians.list()) {
            if (Text.fold(t.name()).contains(wanted)) {
                matches.add(t);
            }
        }
        if (matches.size() == 1) {
            return matches.get(0).id();
        }
        String names = matches.stream().map(t -> t.id() + " — " + t.name()).reduce((a, b) -> a + ", " + b).orElse("");
        throw new Clarification(matches.isEmpty() ? "Aucun technicien ne s'appelle « " + ref + " ». Lequel ?" : "Lequel ? " + names,
                matches.isEmpty() ? "No technician is called \"" + ref + "\". Which one?" : "Which one? " + names);
    }
}
