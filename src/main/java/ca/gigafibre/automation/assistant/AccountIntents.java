package ca.gigafibre.automation.assistant;

import ca.gigafibre.automation.customer.CustomerNo;
import static ca.gigafibre.automation.assistant.SlotValues.customer;

import ca.gigafibre.automation.assistant.interpret.Slots;
import ca.gigafibre.automation.billing.ppa.PpaSettings;
import ca.gigafibre.automation.billing.ppa.PpaSettingsService;
import ca.gigafibre.automation.billing.stripe.StripeSwitchService;
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

/** autopay-status, ip-history, switch-stripe: through {@link PpaSettingsService}, {@link IpHistory} and {@link StripeSwitchService}. */
@Component
class AccountIntents implements IntentGroup {

    private final PpaSettingsService ppa;
    private final IpHistory ipHistory;
    private final StripeSwitchService stripeSwitch;

    AccountIntents(PpaSettingsService ppa, IpHistory ipHistory, StripeSwitchService stripeSwitch) {
        this.ppa = ppa;
        this.ipHistory = ipHistory;
        this.stripeSwitch = stripeSwitch;
    }

    @Override
    public List<IntentHandler> handlers() {
        return List.of(
                IntentHandler.read("autopay-status", true, this::autopay),
                IntentHandler.read("ip-history", true, this::ipHistory),
                IntentHandler.change("switch-stripe", true, this::proposeStripeSwitch,
                        p -> stripeSwitch.request(CustomerNo.of((String) p.get(Slots.CUSTOMER_ID)))));
    }

    private Draft autopay(Map<String, Object> slots) {
        String customer = customer(slots);
        PpaSettings settings = ppa.get(CustomerNo.of(customer));
        boolean on = Boolean.TRUE.equals(settings.enabled());
        return Draft.answer(Map.of(Slots.CUSTOMER_ID, customer),
                on ? customer + " est en paiement préautorisé (" + settings.method() + ")." : customer + " n'est pas en paiement préautorisé.",
                on ? customer + " is on auto-pay (" + settings.method() + ")." : customer + " is not on auto-pay.", settings);
    }

    private Draft proposeStripeSwitch(Map<String, Object> slots) {
        String customer = customer(slots);
        PpaSettings settings = ppa.get(CustomerNo.of(customer));
        String now = Boolean.TRUE.equals(settings.enabled()) ? " (aujourd'hui : " + settings.method() + ")" : " (aujourd'hui : aucun)";
        String nowEn = Boolean.TRUE.equals(settings.enabled()) ? " (today: " + settings.method() + ")" : " (today: none)";
        return Draft.proposal(Map.of(Slots.CUSTOMER_ID, customer),
                "Passer le paiement préautorisé de " + customer + now + " à une carte Stripe : un client Stripe et une page d'enregistrement de "
                        + "carte (SetupIntent) sont créés, le lien est envoyé au client par texto ou courriel dans la fenêtre d'envoi ; le PPA passe "
                        + "à Stripe, avec les mêmes limites, quand la carte est enregistrée.",
                "Switch " + customer + "'s auto-pay" + nowEn + " to a Stripe card: a Stripe customer and a card setup page (SetupIntent) are made, "
                        + "the link is sent to the customer by text or e-mail in the sending window; PPA switches to Stripe, limits kept, once the "
                        + "card is saved.",
                List.of("Stripe", "SMS/courriel"));
    }

    private Draft ipHistory(Map<String, Object> slots) {
        String customer = customer(slots);
        LocalDate day = SlotValues.date(slots, Slots.DATE);
        OffsetDateTime at = day == null ? null : day.atTime(LocalTime.NOON).atZone(BusinessTime.ZONE).toOffsetDateTime();
        List<IpAssignmentView> history = ipHistory.of(CustomerNo.of(customer), at);
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
