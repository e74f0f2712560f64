package ca.gigafibre.automation.collections.arrangement;

import ca.gigafibre.automation.collections.ArrangementFacts;
import ca.gigafibre.automation.rules.DecisionFacts;
import ca.gigafibre.automation.rules.scenario.ScenarioAdapter;
import ca.gigafibre.automation.rules.scenario.ScenarioColumn;
import ca.gigafibre.automation.rules.scenario.ScenarioRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/** The columns of {@code rules/scenarios/arrangement-cutoff.csv}: one payment arrangement, judged on a given day. */
@Component
public class ArrangementScenarios implements ScenarioAdapter {

    private static final ScenarioColumn AMOUNT = ScenarioColumn.of("montant_convenu", "agreed_amount", "montant de l'entente / agreed amount (requis/required)");
    private static final ScenarioColumn PAID_BY_DUE = ScenarioColumn.of("paye_avant_echeance", "paid_by_due_date", "payé entre l'entente et l'échéance / paid between agreement and due date (0)");
    private static final ScenarioColumn PAID_TO_DATE = ScenarioColumn.of("paye_a_ce_jour", "paid_to_date", "payé depuis l'entente jusqu'à aujourd'hui / paid since the agreement up to today (= paye_avant_echeance)");
    private static final ScenarioColumn CREDITED = ScenarioColumn.of("credite", "credited", "crédits (notes de crédit) depuis l'entente / credits since the agreement (0)");
    private static final ScenarioColumn TODAY = ScenarioColumn.of("aujourd_hui", "today", "le jour où l'entente est jugée / the day it is judged (requis/required)");
    private static final ScenarioColumn DUE = ScenarioColumn.of("echeance", "due_date", "échéance / due date (requis/required)");
    private static final ScenarioColumn CUTOFF = ScenarioColumn.of("date_coupure", "cutoff_date", "date de coupure, vide = aucune / none");
    private static final ScenarioColumn OVERDUE = ScenarioColumn.of("solde_en_souffrance", "overdue_balance", "solde échu du compte maintenant / overdue balance now (0)");
    private static final ScenarioColumn STATUS = ScenarioColumn.of("statut", "status", "statut donné la dernière fois / last status (open)");
    private static final ScenarioColumn WRITTEN_OFF = ScenarioColumn.of("solde_radie", "balance_written_off", "le solde échu est radié / being written off");

    @Override
    public String ruleFile() {
        return "arrangement-cutoff.drl";
    }

    @Override
    public List<ScenarioColumn> inputs() {
        return List.of(AMOUNT, PAID_BY_DUE, PAID_TO_DATE, CREDITED, TODAY, DUE, CUTOFF, OVERDUE, STATUS, WRITTEN_OFF);
    }

    @Override
    public DecisionFacts facts(String subject, ScenarioRow row) {
        BigDecimal paidByDue = row.decimal(PAID_BY_DUE, BigDecimal.ZERO);
        LocalDate today = required(row.date(TODAY, null), TODAY);
        return new ArrangementFacts(subject, required(row.decimal(AMOUNT, null), AMOUNT), paidByDue, row.decimal(PAID_TO_DATE, paidByDue),
                today, required(row.date(DUE, null), DUE), row.date(CUTOFF, null), row.decimal(OVERDUE, BigDecimal.ZERO),
                row.text(STATUS, "open"), row.flag(WRITTEN_OFF))
                .credited(row.decimal(CREDITED, BigDecimal.ZERO));
    }

    private static <T> T required(T value, ScenarioColumn column) {
        if (value == null) {
            throw new IllegalArgumentException("colonne/column " + column.label() + " requise/required");
        }
        return value;
    }
}
