package ca.gigafibre.automation.assistant;

import static ca.gigafibre.automation.assistant.SlotValues.customer;

import ca.gigafibre.automation.assistant.interpret.Slots;
import ca.gigafibre.automation.customer.LocationView;
import ca.gigafibre.automation.assistant.interpret.Text;
import ca.gigafibre.automation.support.ConnectionController;
import ca.gigafibre.automation.support.ConnectionDiagnosis;
import ca.gigafibre.automation.support.TechnicianController;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * check-internet, reboot, visit-count, tech-hours, dispatch. The connection, reboot, visits and hours are answered by the
 * support controllers themselves (their logic lives there), called as beans: the same code path as the REST API.
 */
@Component
class SupportIntents implements IntentGroup {

    private final ConnectionController connections;
    private final TechnicianController technicians;
    private final CustomerLocations locations;

    SupportIntents(ConnectionController connections, TechnicianController technicians, CustomerLocations locations) {
        this.connections = connections;
        this.technicians = technicians;
        this.locations = locations;
    }

    @Override
    public List<IntentHandler> handlers() {
        return List.of(
                IntentHandler.read("check-internet", true, this::checkInternet),
                IntentHandler.change("reboot", true, this::proposeReboot,
                        p -> connections.reboot((String) p.get(Slots.CUSTOMER_ID)).getBody()),
                IntentHandler.read("visit-count", true, this::visits),
                IntentHandler.read("tech-hours", true, this::hours),
                IntentHandler.change("dispatch", true, slots -> {
                    throw Unavailable.refusal("dispatch");
                }, p -> {
                    throw Unavailable.refusal("dispatch");
                }));
    }

    private Draft checkInternet(Map<String, Object> slots) {
        String customer = customer(slots);
        ConnectionDiagnosis.Connection connection = connections.connection(customer);
        String fr = customer + " : ONT " + connection.ontState() + ", signal " + connection.signal() + ", routeur "
                + (connection.online() ? "en ligne" : "hors ligne") + (connection.ip() == null ? "" : ", IP " + connection.ip()) + ".";
        String en = customer + ": ONT " + connection.ontState() + ", signal " + connection.signal() + ", router "
                + (connection.online() ? "online" : "offline") + (connection.ip() == null ? "" : ", IP " + connection.ip()) + ".";
        return Draft.answer(Map.of(Slots.CUSTOMER_ID, customer), fr, en, connection);
    }

    private Draft proposeReboot(Map<String, Object> slots) {
        String customer = customer(slots);
        return Draft.proposal(Map.of(Slots.CUSTOMER_ID, customer),
                "Redémarrer le routeur (CPE) de " + customer + " par GenieACS : la connexion sera coupée une à deux minutes.",
                "Reboot " + customer + "'s router (CPE) through GenieACS: the connection drops for a minute or two.",
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
