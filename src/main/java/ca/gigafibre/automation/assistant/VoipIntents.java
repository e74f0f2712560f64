package ca.gigafibre.automation.assistant;

import ca.gigafibre.automation.customer.CustomerNo;
import static ca.gigafibre.automation.assistant.SlotValues.customer;

import ca.gigafibre.automation.assistant.interpret.Slots;
import ca.gigafibre.automation.customer.CustomerView;
import ca.gigafibre.automation.customer.LocationView;
import ca.gigafibre.automation.voip.DidReportRow;
import ca.gigafibre.automation.voip.E911AddressInput;
import ca.gigafibre.automation.voip.E911AuditRow;
import ca.gigafibre.automation.voip.E911Reports;
import ca.gigafibre.automation.voip.NewVoipLine;
import ca.gigafibre.automation.voip.VoipLineService;
import ca.gigafibre.automation.voip.VoipLineView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** lines, line-911-address, did-report, e911-mismatch, add-line, update-911: through {@link VoipLineService} and {@link E911Reports}. */
@Component
class VoipIntents implements IntentGroup {

    private final VoipLineService lines;
    private final E911Reports reports;
    private final CustomerLocations locations;
    private final Requests requests;

    VoipIntents(VoipLineService lines, E911Reports reports, CustomerLocations locations, Requests requests) {
        this.lines = lines;
        this.reports = reports;
        this.locations = locations;
        this.requests = requests;
    }

    @Override
    public List<IntentHandler> handlers() {
        return List.of(
                IntentHandler.read("lines", true, this::lines),
                IntentHandler.read("line-911-address", false, this::line911),
                IntentHandler.read("did-report", false, slots -> {
                    List<DidReportRow> rows = reports.didReport();
                    long synced = rows.stream().filter(r -> "synced".equals(r.syncStatus())).count();
                    return Draft.answer(Map.of(), "Rapport des DID : " + rows.size() + " numéros, dont " + synced + " synchronisés avec le 911.",
                            "DID report: " + rows.size() + " numbers, " + synced + " of them synced with 911.", rows);
                }),
                IntentHandler.read("e911-mismatch", false, slots -> {
                    List<E911AuditRow> rows = reports.audit();
                    return Draft.answer(Map.of(), rows.size() + " ligne(s) dont l'adresse 911 diffère de l'adresse de service.",
                            rows.size() + " line(s) whose 911 address differs from the service address.", rows);
                }),
                IntentHandler.change("add-line", true, this::proposeLine, this::addLine),
                IntentHandler.change("update-911", false, this::propose911, this::update911));
    }

    private Draft lines(Map<String, Object> slots) {
        String customer = customer(slots);
        List<VoipLineView> found = lines.ofCustomer(CustomerNo.of(customer));
        String list = found.stream().map(l -> SlotValues.phone(l.did()) + " (" + l.state() + ")").reduce((a, b) -> a + ", " + b).orElse("");
        return Draft.answer(Map.of(Slots.CUSTOMER_ID, customer),
                customer + " a " + found.size() + " ligne(s) téléphonique(s)" + (list.isEmpty() ? "." : " : " + list + "."),
                customer + " has " + found.size() + " phone line(s)" + (list.isEmpty() ? "." : ": " + list + "."), found);
    }

    private Draft line911(Map<String, Object> slots) {
        String did = SlotValues.required(slots, Slots.DID, "Pour quel numéro (10 chiffres) ?", "For which number (10 digits)?");
        DidReportRow row = reports.didReport().stream().filter(r -> r.did().equals(did)).findFirst()
                .orElseThrow(() -> new Clarification("Aucune ligne " + SlotValues.phone(did) + " au dossier : quel numéro ?",
                        "No line " + SlotValues.phone(did) + " on file: which number?"));
        String address = row.e911Address() == null ? "aucune / none" : row.e911Address();
        return Draft.answer(Map.of(Slots.DID, did),
                "Adresse 911 de " + SlotValues.phone(did) + " : " + address + " (" + row.syncStatus() + ").",
                "911 address of " + SlotValues.phone(did) + ": " + address + " (" + row.syncStatus() + ").", row);
    }

    private Draft proposeLine(Map<String, Object> slots) {
        String customer = customer(slots);
        String did = SlotValues.required(slots, Slots.DID, "Quel numéro de téléphone (10 chiffres) ?", "Which phone number (10 digits)?");
        LocationView location = locations.location(slots, customer);
        CustomerView view = locations.customer(customer);
        String name = (view.companyName() != null ? view.companyName() : view.firstName() + " " + view.lastName()).strip();
        String callerId = name.length() > 15 ? name.substring(0, 15).strip() : name;
        boolean voicemail = Boolean.TRUE.equals(slots.get(Slots.VOICEMAIL));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put(Slots.CUSTOMER_ID, customer);
        parameters.put(Slots.DID, did);
        parameters.put(Slots.LOCATION_ID, location.id());
        parameters.put("callerIdName", callerId);
        parameters.put("language", view.language() == null ? "fr" : view.language());
        parameters.put(Slots.VOICEMAIL, voicemail);
        String address = CustomerLocations.address(location);
        return Draft.proposal(parameters,
                "Ajouter la ligne " + SlotValues.phone(did) + " à " + customer + " au " + address + " (afficheur « " + callerId + " »"
                        + (voicemail ? ", boîte vocale — NIP à saisir par le client" : "") + ") : ligne SIP créée au PBX, adresse 911 du lieu "
                        + "inscrite chez le fournisseur 911 et vérifiée ; la ligne est active une fois le 911 confirmé.",
                "Add line " + SlotValues.phone(did) + " for " + customer + " at " + address + " (caller id \"" + callerId + "\""
                        + (voicemail ? ", voicemail — PIN set by the customer" : "") + "): SIP line created at the PBX, the location's 911 address "
                        + "registered with the 911 provider and verified; the line goes live once 911 is confirmed.",
                List.of("PBX", "911"));
    }

    private Object addLine(Map<String, Object> p) {
        NewVoipLine line = requests.valid(new NewVoipLine((String) p.get(Slots.DID), (String) p.get(Slots.LOCATION_ID), (String) p.get("callerIdName"),
                (String) p.get("language"), null, (Boolean) p.get(Slots.VOICEMAIL), null, null, null, null, null));
        return lines.order(CustomerNo.of((String) p.get(Slots.CUSTOMER_ID)), line);
    }

    private Draft propose911(Map<String, Object> slots) {
        String did = SlotValues.required(slots, Slots.DID, "Pour quel numéro (10 chiffres) ?", "For which number (10 digits)?");
        String number = SlotValues.optional(slots, Slots.STREET_NUMBER);
        String street = SlotValues.optional(slots, Slots.STREET_NAME);
        String city = SlotValues.optional(slots, Slots.CITY);
        String postal = SlotValues.optional(slots, Slots.POSTAL_CODE);
        if (number == null || street == null || city == null || postal == null) {
            throw new Clarification("Quelle adresse 911 complète : numéro, rue, ville et code postal (ex. « 123 Rue Principale, Granby J2G 1A1 ») ?",
                    "Which full 911 address: number, street, city and postal code (e.g. \"123 Rue Principale, Granby J2G 1A1\")?");
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put(Slots.DID, did);
        parameters.put(Slots.STREET_NUMBER, number);
        if (slots.get(Slots.APT) != null) {
            parameters.put(Slots.APT, slots.get(Slots.APT));
        }
        parameters.put(Slots.STREET_NAME, street);
        parameters.put(Slots.CITY, city);
        parameters.put(Slots.POSTAL_CODE, postal);
        String address = number + (slots.get(Slots.APT) == null ? "" : "-" + slots.get(Slots.APT)) + " " + street + ", " + city + " " + postal;
        return Draft.proposal(parameters,
                "Changer l'adresse 911 de " + SlotValues.phone(did) + " pour « " + address + " » : le fournisseur 911 est mis à jour puis relu ; "
                        + "non confirmée après 4 h, une tâche est créée.",
                "Change the 911 address of " + SlotValues.phone(did) + " to \"" + address + "\": the 911 provider is updated and read back; "
                        + "unconfirmed after 4 h, a task is created.",
                List.of("911"));
    }

    private Object update911(Map<String, Object> p) {
        E911AddressInput address = requests.valid(new E911AddressInput((String) p.get(Slots.STREET_NUMBER), (String) p.get(Slots.APT),
                (String) p.get(Slots.STREET_NAME), (String) p.get(Slots.CITY), "QC", (String) p.get(Slots.POSTAL_CODE), null, null));
        return lines.changeE911Address((String) p.get(Slots.DID), address);
    }
}
