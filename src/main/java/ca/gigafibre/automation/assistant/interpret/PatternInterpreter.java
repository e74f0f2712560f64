package ca.gigafibre.automation.assistant.interpret;

import ca.gigafibre.automation.platform.time.BusinessTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The default interpreter: deterministic and offline. Intents are recognised by word patterns on the folded sentence
 * (no case, no accents), in an order where the more specific wins ("entente … coupure le 2 avril" is an arrangement, not a
 * suspension); slots are read by {@link SlotReader} and {@link QuebecDates} (America/Montreal, the engine's clock).
 */
public class PatternInterpreter implements Interpreter {

    private record Rule(String intent, Pattern pattern) {
    }

    private static Pattern p(String regex) {
        return Pattern.compile(regex);
    }

    private static final Pattern SECRET = p("\\b(nip|pin|mot de passe|mots de passe|password|passwords|mdp|passcode|code secret|code d'acces|"
            + "numero de carte|card number|cvv|cvc|numero de compte bancaire|bank account number|token|jeton)\\b");
    private static final Pattern DESTRUCTIVE = p("\\b(supprime\\w*|efface\\w*|delete\\w*|remove all|detrui\\w*|purge\\w*|wipe\\w*|drop|vide la base|truncate)\\b");
    private static final Pattern BULK = p("\\b(tous les clients|toutes les clientes|tous les comptes|all (the )?customers|all (the )?clients|all (the )?accounts|"
            + "every customer|every account|chaque client|en lot|in bulk|tout le monde|everyone)\\b");

    private static final List<Rule> RULES = List.of(
            new Rule("arrangement", p("\\b(entente|arrangement|payment plan|plan de paiement|accord de paiement|payment arrangement|echeancier)\\b")),
            new Rule("convert-quote", p("\\b(converti\\w*|convert\\w*)\\b.*\\b(soumission|quote|devis|soq-?\\d+)|\\b(soumission|quote|soq-?\\d+)\\b.*\\b(en service|to (active )?(service|subscriptions?)|en abonnements?)")),
            new Rule("create-quote", p("\\b(soumission|quote|devis)\\b")),
            new Rule("visit-count", p("\\b(combien de (fois|visites|deplacements|passages)|how many (times|visits)|nombre de (visites|deplacements)|visit count)\\b")),
            new Rule("tech-hours", p("\\b(combien d'heures|nombre d'heures|how many hours|hours did|hours has|heures (a|ont) passe\\w*|hours spent)\\b")),
            new Rule("schedule-installation", p("\\b(install\\w*)\\b")),
            new Rule("dispatch", p("\\b(envoie|envoyer|envoye|send|dispatch\\w*|depeche\\w*|planifie une visite|schedule a visit|book a tech)\\b.*\\b(tech\\w*|visite|visit)\\b")),
            new Rule("update-911", p("\\b(mets? a jour|mettre a jour|update|change\\w*|modifi\\w*|corrige\\w*|correct|set|remplace\\w*)\\b.*\\b911\\b")),
            new Rule("e911-mismatch", p("\\b911\\b.*\\b(mismatch\\w*|differ\\w*|concord\\w*|discord\\w*|incoheren\\w*|ecart\\w*|desynchro\\w*|non synchro\\w*|pas synchro\\w*|wrong)\\b"
                    + "|\\b(mismatch\\w*|differ\\w*|discordan\\w*|non concordan\\w*|ecarts?)\\b.*\\b911\\b|\\baudit\\b.*\\b911\\b|\\b911\\b.*\\baudit\\b")),
            new Rule("line-911-address", p("\\b911\\b")),
            new Rule("did-report", p("\\b(rapport|report)\\b.*\\b(did|dids|numeros|lignes)\\b|\\b(did|dids)\\b.*\\b(rapport|report|list\\w*|tous|toutes|all)\\b|\\b(liste|list)\\b.*\\b(did|dids)\\b")),
            new Rule("add-line", p("\\b(ajoute\\w*|add\\w*|nouvelle|new|ouvr\\w*|cree\\w*|create|set up|installe\\w*|commande\\w*|order)\\b.*\\b(ligne|line|numero|phone number)\\b")),
            new Rule("lines", p("\\b(lignes?|lines?|numeros? de telephone|phone numbers?)\\b")),
            new Rule("switch-stripe", p("\\bstripe\\b")),
            new Rule("autopay-status", p("\\b(auto-?pay|autopay|ppa|pre-?autorise\\w*|pre-?authori[sz]ed|prelevement\\w*|paiement automatique|paiements automatiques|automatic payments?|auto-?charge)\\b")),
            new Rule("ip-history", p("\\b(ip|adresse ip|ip address)\\b")),
            new Rule("reboot", p("\\b(redemarr\\w*|reboot\\w*|restart\\w*|reinitialis\\w*|reset|relance\\w* (le|son|leur|the) (routeur|modem|router))\\b")),
            new Rule("check-internet", p("\\b(internet|connexion|connection|ont-device|signal|en ligne|online|offline|hors ligne|diagnosti\\w*|status de la ligne|line status)\\b")),
            new Rule("reactivate", p("\\b(reactiv\\w*|rebranch\\w*|reconnect\\w*|retabli\\w*|remets?|restore\\w*|unsuspend\\w*|rallum\\w*|back on|turn on)\\b")),
            new Rule("suspend", p("\\b(suspend\\w*|suspens\\w*|coupe\\w*|couper|coupure|cut off|cut them off|disconnect\\w*|debranch\\w*|interromp\\w*)\\b")),
            new Rule("balance", p("\\b(solde|doit|doivent|owe|owes|owing|balance|en souffrance|outstanding|montant du|combien .*(du|doit)|arrerages?|dette)\\b")));

    private static final Pattern CUTOFF_BEFORE = p("(coup\\w*|cut ?off|disconnect\\w*|debranch\\w*|suspend\\w*|sinon|if missed|otherwise)\\W+(?:\\w+\\W+){0,4}$");
    private static final Pattern PM = p("\\b(apres-midi|apres midi|pm|afternoon|p\\.m\\.)\\b");
    private static final Pattern AM = p("\\b(matin|avant-midi|avant midi|am|morning|a\\.m\\.)\\b");

    private final Supplier<LocalDate> today;

    public PatternInterpreter() {
        this(BusinessTime::today);
    }

    public PatternInterpreter(Supplier<LocalDate> today) {
        this.today = today;
    }

    @Override
    public Interpretation interpret(String text, String locale, String onScreenCustomer) {
        String original = Text.nfc(text == null ? "" : text.strip());
        // "ONT" the device, typed in capitals, not the French verb "ont"
        String folded = Text.fold(original) + (original.matches("(?s).*\\bONT\\b.*") ? " ont-device" : "");
        java.util.Optional<Interpretation> refusal = refusal(folded);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(folded).find()) {
                return Interpretation.understood(rule.intent(), slots(rule.intent(), original, folded));
            }
        }
        return Interpretation.refused("not-understood",
                "Désolé, je n'ai pas compris la demande. Essayez par exemple « Quel est le solde de C-10234 ? » ou « Suspends le client pour non-paiement ».",
                "Sorry, I did not understand. Try for example \"What does C-10234 owe?\" or \"Suspend this customer for non-payment\".");
    }

    /**
     * What is refused whoever reads the sentence — a secret, a deletion, a bulk change — checked before any interpreter
     * reads it (an LLM never receives a sentence holding a secret).
     */
    public java.util.Optional<Interpretation> refusalOf(String text) {
        return refusal(Text.fold(Text.nfc(text == null ? "" : text.strip())));
    }

    private static java.util.Optional<Interpretation> refusal(String folded) {
        if (SECRET.matcher(folded).find()) {
            return java.util.Optional.of(Interpretation.refused("secret",
                    "Désolé, je ne peux ni lire ni noter un secret (NIP de boîte vocale, mot de passe, numéro de carte) : ils sont en écriture seule, "
                            + "saisissez-les dans le formulaire prévu.",
                    "Sorry, I cannot read or take a secret (voicemail PIN, password, card number): they are write-only; enter them in their form."));
        }
        if (DESTRUCTIVE.matcher(folded).find()) {
            return java.util.Optional.of(Interpretation.refused("destructive",
                    "Désolé, je ne supprime rien : les suppressions ne se font pas par l'assistant.",
                    "Sorry, I do not delete anything: deletions are not done through the assistant."));
        }
        if (BULK.matcher(folded).find()) {
            return java.util.Optional.of(Interpretation.refused("bulk",
                    "Désolé, je ne fais pas de changements en lot : nommez un client à la fois.",
                    "Sorry, I do not make bulk changes: name one customer at a time."));
        }
        return java.util.Optional.empty();
    }

    private Map<String, Object> slots(String intent, String original, String folded) {
        Map<String, Object> slots = new HashMap<>();
        List<int[]> taken = new ArrayList<>();
        boolean lineIntent = intent.equals("update-911") || intent.equals("line-911-address") || intent.equals("add-line");
        SlotReader.phoneSpan(folded).ifPresent(taken::add);
        SlotReader.addressSpan(folded).ifPresent(taken::add);
        SlotReader.phone(folded).ifPresent(did -> slots.put(lineIntent ? Slots.DID : Slots.CUSTOMER_REF, did));
        SlotReader.amount(folded).ifPresent(a -> slots.put(Slots.AMOUNT, a.toPlainString()));
        SlotReader.quoteId(folded).ifPresent(q -> slots.put(Slots.QUOTE_ID, q));
        SlotReader.locationId(folded).ifPresent(l -> slots.put(Slots.LOCATION_ID, l));
        SlotReader.technicianId(folded).ifPresent(t -> slots.put(Slots.TECHNICIAN_REF, t));
        if (!slots.containsKey(Slots.TECHNICIAN_REF)) {
            SlotReader.technicianName(original).ifPresent(t -> {
                slots.put(Slots.TECHNICIAN_REF, t);
                int at = original.indexOf(t);
                taken.add(new int[] {at, at + t.length()});
            });
        }
        if (intent.equals("update-911") || intent.equals("dispatch")) {
            slots.putAll(SlotReader.address(original, folded));
        }
        List<QuebecDates.Found> dates = QuebecDates.all(folded, today.get(), !intent.equals("ip-history"));
        dates.forEach(d -> taken.add(new int[] {d.start(), d.start() + 1}));
        if (intent.equals("arrangement")) {
            for (QuebecDates.Found found : dates) {
                boolean cutoff = CUTOFF_BEFORE.matcher(folded.substring(0, found.start())).find();
                slots.putIfAbsent(cutoff ? Slots.CUTOFF_DATE : Slots.DUE_DATE, found.date().toString());
            }
        } else if (!dates.isEmpty()) {
            slots.put(Slots.DATE, dates.get(0).date().toString());
        }
        if (PM.matcher(folded).find()) {
            slots.put(Slots.WINDOW, "pm");
        } else if (AM.matcher(folded).find()) {
            slots.put(Slots.WINDOW, "am");
        }
        if (intent.equals("suspend")) {
            slots.put(Slots.REASON, folded.matches(".*\\b(fraud\\w*)\\b.*") ? "fraud"
                    : folded.matches(".*\\b(abus\\w*|abuse\\w*)\\b.*") ? "abuse"
                    : folded.matches(".*\\b(a sa demande|a la demande|sur demande|demande du client|customer request|customer's request|"
                    + "their request|his request|her request|vacances|vacation|requested by)\\b.*") ? "customer-request" : "non-payment");
        }
        if (intent.equals("create-quote")) {
            slots.put(Slots.SKUS, SlotReader.skus(folded));
        }
        if (intent.equals("add-line")) {
            slots.put(Slots.VOICEMAIL, folded.matches(".*\\b(boite vocale|messagerie|voicemail)\\b.*")
                    && !folded.matches(".*\\b(sans|without|no) (boite vocale|messagerie|voicemail)\\b.*"));
        }
        if (intent.equals("dispatch")) {
            slots.put(Slots.SKILL, folded.matches(".*\\b(telephon\\w*|voip|ligne|phone)\\b.*") ? "voip"
                    : folded.matches(".*\\b(wi-?fi|sans fil|wireless)\\b.*") ? "wifi" : "fibre");
        }
        if (!slots.containsKey(Slots.CUSTOMER_REF)) {
            customerRef(original, folded, taken, intent).ifPresent(ref -> slots.put(Slots.CUSTOMER_REF, ref));
        }
        return slots;
    }

    private static java.util.Optional<String> customerRef(String original, String folded, List<int[]> taken, String intent) {
        java.util.Optional<String> id = SlotReader.customerId(folded);
        if (id.isPresent()) {
            return id;
        }
        java.util.Optional<String> legacy = SlotReader.legacyId(folded);
        if (legacy.isPresent()) {
            return legacy;
        }
        java.util.Optional<String> name = SlotReader.name(original, taken);
        if (name.isPresent()) {
            return name;
        }
        if (!intent.equals("update-911")) {   // a 911 address is the line's, not a way to find the customer
            java.util.Optional<int[]> address = SlotReader.addressSpan(folded);
            if (address.isPresent()) {
                return java.util.Optional.of(original.substring(address.get()[0], address.get()[1]).strip());
            }
        }
        return java.util.Optional.empty();
    }
}
