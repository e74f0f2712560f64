package ca.gigafibre.automation.collections.reactivation;

import ca.gigafibre.automation.collections.ReactivationFacts;
import ca.gigafibre.automation.collections.SuspensionReason;
import ca.gigafibre.automation.rules.DecisionFacts;
import ca.gigafibre.automation.rules.scenario.ScenarioAdapter;
import ca.gigafibre.automation.rules.scenario.ScenarioColumn;
import ca.gigafibre.automation.rules.scenario.ScenarioRow;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Component;

/** The columns of {@code rules/scenarios/reactivation.csv}: a (suspended) account, its overdue balance and any new arrangement. */
@Component
public class ReactivationScenarios implements ScenarioAdapter {

    private static final ScenarioColumn SUSPENDED = ScenarioColumn.of("suspendu", "suspended", "le compte est suspendu / suspended");
    private static final ScenarioColumn REASON = ScenarioColumn.of("motif", "reason", "motif de la suspension / suspension reason (non-payment)");
    private static final ScenarioColumn OVERDUE = ScenarioColumn.of("solde_en_souffrance", "overdue_balance", "solde échu / overdue balance (0)");
    private static final ScenarioColumn ACCEPTED = ScenarioColumn.of("entente_acceptee", "arrangement_accepted", "une nouvelle entente est acceptée / new arrangement accepted");
    private static final ScenarioColumn FIRST_PAYMENT = ScenarioColumn.of("premier_versement", "first_payment_made", "son premier versement est reçu / its first payment made");
    private static final ScenarioColumn WRITTEN_OFF = ScenarioColumn.of("radie_pendant_suspension", "written_off_during_suspension", "le solde a été radié pendant la suspension / written off meanwhile");

    @Override
    public String ruleFile() {
        return "reactivation.drl";
    }

    @Override
    public List<ScenarioColumn> inputs() {
        return List.of(SUSPENDED, REASON, OVERDUE, ACCEPTED, FIRST_PAYMENT, WRITTEN_OFF);
    }

    @Override
    public DecisionFacts facts(String subject, ScenarioRow row) {
        return new ReactivationFacts(subject, row.flag(SUSPENDED), row.decimal(OVERDUE, BigDecimal.ZERO), row.flag(ACCEPTED),
                row.flag(FIRST_PAYMENT), row.text(REASON, SuspensionReason.NON_PAYMENT.code()), row.flag(WRITTEN_OFF));
    }
}
