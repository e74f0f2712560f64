package ca.gigafibre.automation.assistant;

import ca.gigafibre.automation.customer.CustomerNo;
import static ca.gigafibre.automation.assistant.SlotValues.customer;

import ca.gigafibre.automation.assistant.interpret.Slots;
import ca.gigafibre.automation.billing.ledger.Balance;
import ca.gigafibre.automation.billing.ledger.BalanceService;
import ca.gigafibre.automation.collections.arrangement.ArrangementService;
import ca.gigafibre.automation.collections.arrangement.NewArrangement;
import ca.gigafibre.automation.collections.suspension.SuspensionRequest;
import ca.gigafibre.automation.collections.suspension.SuspensionService;
import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.error.MalformedRequestException;
import ca.gigafibre.automation.platform.security.Groups;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** balance, suspend, reactivate, arrangement: through {@link BalanceService}, {@link SuspensionService}, {@link ArrangementService}. */
@Component
class CollectionsIntents implements IntentGroup {

    private static final Map<String, String[]> REASONS = Map.of(
            "non-payment", new String[] {"non-paiement", "non-payment"},
            "customer-request", new String[] {"à la demande du client", "at the customer's request"},
            "abuse", new String[] {"abus", "abuse"},
            "fraud", new String[] {"fraude", "fraud"});

    private final BalanceService balances;
    private final SuspensionService suspensions;
    private final ArrangementService arrangements;
    private final Requests requests;

    CollectionsIntents(BalanceService balances, SuspensionService suspensions, ArrangementService arrangements, Requests requests) {
        this.balances = balances;
        this.suspensions = suspensions;
        this.arrangements = arrangements;
        this.requests = requests;
    }

    @Override
    public List<IntentHandler> handlers() {
        return List.of(
                IntentHandler.read("balance", true, this::balance),
                IntentHandler.change("suspend", true, this::proposeSuspension, this::suspend),
                IntentHandler.change("reactivate", true, this::proposeReactivation,
                        p -> suspensions.reactivate(CustomerNo.of((String) p.get(Slots.CUSTOMER_ID)), (String) p.get(Slots.REASON))),
                IntentHandler.change("arrangement", true, this::proposeArrangement, this::arrange));
    }

    private Draft balance(Map<String, Object> slots) {
        String customer = customer(slots);
        Balance balance = balances.of(CustomerNo.of(customer));
        return Draft.answer(Map.of(Slots.CUSTOMER_ID, customer),
                customer + " doit " + SlotValues.moneyFr(balance.balance()) + ", dont " + SlotValues.moneyFr(balance.overdue()) + " en retard.",
                customer + " owes " + SlotValues.moneyEn(balance.balance()) + ", of which " + SlotValues.moneyEn(balance.overdue()) + " is overdue.",
                balance);
    }

    private Draft proposeSuspension(Map<String, Object> slots) {
        String customer = customer(slots);
        String reason = SlotValues.optional(slots, Slots.REASON) == null ? "non-payment" : (String) slots.get(Slots.REASON);
        LocalDate effective = SlotValues.date(slots, Slots.DATE);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put(Slots.CUSTOMER_ID, customer);
        parameters.put(Slots.REASON, reason);
        if (effective != null && "customer-request".equals(reason)) {
            parameters.put("effectiveDate", effective.toString());
        }
        String[] why = REASONS.get(reason);
        String when = parameters.containsKey("effectiveDate") ? " à compter du " + SlotValues.dateFr(effective) : "";
        String whenEn = parameters.containsKey("effectiveDate") ? " from " + SlotValues.dateEn(effective) : "";
        return Draft.proposal(parameters,
                "Suspendre le service de " + customer + " (" + why[0] + ")" + when + " : les règles de suspension décident (avis, fenêtre de coupure, "
                        + "approbation d'un administrateur pour un compte VIP, commercial, abus ou fraude) ; Internet coupé à l'OLT, lignes "
                        + "téléphoniques restreintes au PBX (le 911 reste joignable), client avisé.",
                "Suspend " + customer + "'s service (" + why[1] + ")" + whenEn + ": the suspension rules decide (notice, cut window, an administrator's "
                        + "approval for a VIP, commercial, abuse or fraud account); internet disabled at the OLT, phone lines restricted at the PBX "
                        + "(911 stays reachable), customer notified.",
                List.of("OLT", "PBX", "SMS/courriel"));
    }

    private Object suspend(Map<String, Object> p) {
        String effective = (String) p.get("effectiveDate");
        LocalDate effectiveDate = effective == null ? null : LocalDate.parse(effective);
        if (effectiveDate != null && effectiveDate.isBefore(BusinessTime.today())) {
            throw new MalformedRequestException("effectiveDate", "must be today or later");
        }
        SuspensionRequest request = requests.valid(new SuspensionRequest((String) p.get(Slots.REASON),
                "Demandé par l'assistant / Requested through the assistant", effectiveDate));
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        boolean admin = caller.getAuthorities().stream().anyMatch(a -> Groups.authority(Groups.ADMINS).equals(a.getAuthority()));
        return suspensions.suspend(CustomerNo.of((String) p.get(Slots.CUSTOMER_ID)), request, AuditLog.currentActor(), admin);
    }

    private Draft proposeReactivation(Map<String, Object> slots) {
        String customer = customer(slots);
        return Draft.proposal(Map.of(Slots.CUSTOMER_ID, customer, Slots.REASON, "Demandé par l'assistant / Requested through the assistant"),
                "Réactiver le service de " + customer + " : Internet rétabli à l'OLT, lignes téléphoniques rétablies au PBX, suspension fermée, client avisé.",
                "Reactivate " + customer + "'s service: internet enabled at the OLT, phone lines restored at the PBX, suspension closed, customer notified.",
                List.of("OLT", "PBX", "SMS/courriel"));
    }

    private Draft proposeArrangement(Map<String, Object> slots) {
        String customer = customer(slots);
        String amount = SlotValues.required(slots, Slots.AMOUNT, "Quel montant le client s'engage-t-il à payer ?",
                "What amount does the customer commit to pay?");
        LocalDate due = SlotValues.date(slots, Slots.DUE_DATE);
        if (due == null) {
            throw new Clarification("Pour quelle date le paiement est-il promis ?", "By which date is the payment promised?");
        }
        LocalDate cutoff = SlotValues.date(slots, Slots.CUTOFF_DATE);
        if (cutoff == null) {
            throw new Clarification("Quelle date de coupure si l'entente n'est pas respectée ?",
                    "Which cutoff date if the arrangement is missed?");
        }
        BigDecimal money = new BigDecimal(amount);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put(Slots.CUSTOMER_ID, customer);
        parameters.put(Slots.AMOUNT, amount);
        parameters.put(Slots.DUE_DATE, due.toString());
        parameters.put(Slots.CUTOFF_DATE, cutoff.toString());
        parameters.put("method", "phone");
        return Draft.proposal(parameters,
                "Enregistrer une entente de paiement pour " + customer + " : " + SlotValues.moneyFr(money) + " d'ici le " + SlotValues.dateFr(due)
                        + ", coupure le " + SlotValues.dateFr(cutoff) + " si elle n'est pas respectée ; le dossier de recouvrement suit l'entente.",
                "Record a payment arrangement for " + customer + ": " + SlotValues.moneyEn(money) + " by " + SlotValues.dateEn(due)
                        + ", cutoff on " + SlotValues.dateEn(cutoff) + " if missed; the collections case follows the arrangement.",
                List.of());
    }

    private Object arrange(Map<String, Object> p) {
        NewArrangement arrangement = requests.valid(new NewArrangement(new BigDecimal((String) p.get(Slots.AMOUNT)),
                LocalDate.parse((String) p.get(Slots.DUE_DATE)), LocalDate.parse((String) p.get(Slots.CUTOFF_DATE)), (String) p.get("method"),
                "Entente notée par l'assistant / Arrangement taken through the assistant", null));
        return arrangements.record(CustomerNo.of((String) p.get(Slots.CUSTOMER_ID)), arrangement);
    }
}
