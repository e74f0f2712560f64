package ca.gigafibre.automation.billing.reversal;

import ca.gigafibre.automation.billing.ClosedInvoiceReversalFacts;
import ca.gigafibre.automation.rules.DecisionFacts;
import ca.gigafibre.automation.rules.scenario.ScenarioAdapter;
import ca.gigafibre.automation.rules.scenario.ScenarioColumn;
import ca.gigafibre.automation.rules.scenario.ScenarioOutput;
import ca.gigafibre.automation.rules.scenario.ScenarioRow;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Component;

/** The columns of {@code rules/scenarios/reversal-owed.csv}: money taken back from an invoice closed meanwhile. */
@Component
public class ReversalOwedScenarios implements ScenarioAdapter {

    private static final ScenarioColumn STATUS = ScenarioColumn.of("statut_facture", "invoice_status", "written-off, cancelled, paid … (requis/required)");
    private static final ScenarioColumn CREDIT_NOTE = ScenarioColumn.of("note_de_credit", "credit_note_issued", "une note de crédit a fermé le reste / a credit note closed the rest");
    private static final ScenarioColumn TAKEN_BACK = ScenarioColumn.of("montant_repris", "amount_taken_back", "montant repris / amount taken back (requis/required)");
    private static final ScenarioColumn KIND = ScenarioColumn.of("type_reprise", "reversal_kind", "refund, dispute ou/or return (refund)");

    @Override
    public String ruleFile() {
        return "reversal-owed.drl";
    }

    @Override
    public List<ScenarioColumn> inputs() {
        return List.of(STATUS, CREDIT_NOTE, TAKEN_BACK, KIND);
    }

    @Override
    public List<ScenarioOutput> outputs() {
        return List.of(ScenarioOutput.of("montant_refacture", "amount_billed_again", "amount", "montant facturé de nouveau / amount billed again"));
    }

    @Override
    public DecisionFacts facts(String subject, ScenarioRow row) {
        return new ClosedInvoiceReversalFacts(subject, "INV-SCENARIO", row.text(STATUS, ""), row.flag(CREDIT_NOTE),
                row.decimal(TAKEN_BACK, BigDecimal.ZERO), row.text(KIND, "refund"));
    }
}
