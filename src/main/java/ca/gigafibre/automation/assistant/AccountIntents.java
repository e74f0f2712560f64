package ca.gigafibre.automation.assistant;

import static ca.gigafibre.automation.assistant.SlotValues.customer;

import ca.gigafibre.automation.assistant.interpret.Slots;
import ca.gigafibre.automation.billing.PpaSettings;
import ca.gigafibre.automation.billing.PpaSettingsService;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.provisioning.IpAssignmentView;
import ca.gigafibre.automation.provisioning.IpHistory;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** autopay-status, ip-history, switch-stripe: through {@link PpaSettingsService} and {@link IpHistory}. */
@Component
class AccountIntents implements IntentGroup {

    private final PpaSettingsService ppa;
    private final IpHistory ipHistory;

    AccountIntents(PpaSettingsService ppa, IpHistory ipHistory) {
        this.ppa = ppa;
        this.ipHistory = ipHistory;
    }

    @Override
    public List<IntentHandler> handlers() {
        return List.of(
                IntentHandler.read("autopay-status", true, this::autopay),
                IntentHandler.read("ip-history", true, this::ipHistory),
                IntentHandler.change("switch-stripe", true, slots -> {
                    throw Unavailable.refusal("switch-stripe");
                }, p -> {
                    throw Unavailable.refusal("switch-stripe");
                }));
    }

    private Draft autopay(Map<String, Object> slots) {
        String customer = customer(slots);
        PpaSettings settings = ppa.get(customer);
        boolean on = Boolean.TRUE.equals(settings.enabled());
        return Draft.answer(Map.of(Slots.CUSTOMER_ID, customer),
                on ? customer + " est en paiement préautorisé (" + settings.method() + ")." : customer + " n'est pas en paiement préautorisé.",
                on ? customer + " is on auto-pay (" + settings.method() + ")." : customer + " is not on auto-pay.", settings);
    }

    private Draft ipHistory(Map<String, Object> slots) {
        String customer = customer(slots);
        LocalDate day = SlotValues.date(slots, Slots.DATE);
        OffsetDateTime at = day == null ? null : day.atTime(LocalTime.NOON).atZone(BusinessTime.ZONE).toOffsetDateTime();
        List<IpAssignmentView> history = ipHistory.of(customer, at);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put(Slots.CUSTOMER_ID, customer);
        if (day != null) {
            parameters.put(Slots.DATE, day.toString());
        }
        String ips = history.stream().map(IpAssignmentView::ip).distinct().reduce((a, b) -> a + ", " + b).orElse(null);
        if (day != null) {
            return Draft.answer(parameters,
                    ips == null ? customer + " n'avait aucune IP le " + SlotValues.dateFr(day) + "." : customer + " avait l'IP " + ips + " le " + SlotValues.dateFr(day) + ".",
                    ips == null ? customer + " had no IP on " + SlotValues.dateEn(day) + "." : customer + " had IP " + ips + " on " + SlotValues.dateEn(day) + ".",
                    history);
        }
        return Draft.answer(parameters, customer + " : " + history.size() + " attribution(s) d'IP" + (ips == null ? "." : " (" + ips + ")."),
                customer + ": " + history.size() + " IP assignment(s)" + (ips == null ? "." : " (" + ips + ")."), history);
    }
}
