package ca.gigafibre.automation.billing.returned;

import ca.gigafibre.automation.billing.ReturnedDebitFacts;
import ca.gigafibre.automation.rules.DecisionFacts;
import ca.gigafibre.automation.rules.scenario.ScenarioAdapter;
import ca.gigafibre.automation.rules.scenario.ScenarioColumn;
import ca.gigafibre.automation.rules.scenario.ScenarioOutput;
import ca.gigafibre.automation.rules.scenario.ScenarioRow;
import java.util.List;
import org.springframework.stereotype.Component;

/** The columns of {@code rules/scenarios/returned-debit.csv}: a bank debit the bank returned. */
@Component
public class ReturnedDebitScenarios implements ScenarioAdapter {

    private static final ScenarioColumn CATEGORY = ScenarioColumn.of("categorie", "category",
            "motif du retour / return reason: NSF, account-closed, payment-stopped, not-allowed, unknown (requis/required)");
    private static final ScenarioColumn RETURNED_FEE = ScenarioColumn.of("frais_retour", "returned_payment_fee", "le débit payait des frais de paiement retourné / the debit paid a returned-payment fee");
    private static final ScenarioColumn EARLIER_NSF = ScenarioColumn.of("retours_nsf_precedents", "earlier_nsf_returns", "débits NSF déjà retournés pour la facture / earlier NSF returns (0)");

    @Override
    public String ruleFile() {
        return "returned-debit.drl";
    }

    @Override
    public List<ScenarioColumn> inputs() {
        return List.of(CATEGORY, RETURNED_FEE, EARLIER_NSF);
    }

    @Override
    public List<ScenarioOutput> outputs() {
        return List.of(ScenarioOutput.of("frais", "fee", "fee", "des frais de paiement retourné sont facturés / a fee is billed"),
                ScenarioOutput.of("nouvel_essai", "retry", "retry", "débité une autre fois / debited once more"),
                ScenarioOutput.of("ppa_retire", "ppa_off", "ppaOff", "le paiement préautorisé est retiré / PPA switched off"));
    }

    @Override
    public DecisionFacts facts(String subject, ScenarioRow row) {
        return new ReturnedDebitFacts(subject, "INV-SCENARIO", row.text(CATEGORY, "unknown"), row.flag(RETURNED_FEE),
                row.integer(EARLIER_NSF, 0));
    }
}
