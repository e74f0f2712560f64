package ca.gigafibre.automation.collections.casework;

import ca.gigafibre.automation.collections.OverdueReminderFacts;
import ca.gigafibre.automation.rules.DecisionFacts;
import ca.gigafibre.automation.rules.scenario.ScenarioAdapter;
import ca.gigafibre.automation.rules.scenario.ScenarioColumn;
import ca.gigafibre.automation.rules.scenario.ScenarioRow;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Component;

/** The columns of {@code rules/scenarios/overdue-reminder.csv}: the account right before a reminder goes. */
@Component
public class OverdueReminderScenarios implements ScenarioAdapter {

    private static final ScenarioColumn OVERDUE = ScenarioColumn.of("solde_en_souffrance", "overdue_amount", "solde échu maintenant / overdue now (0)");
    private static final ScenarioColumn ARRANGEMENT = ScenarioColumn.of("entente_en_cours", "arrangement_open", "une entente de paiement est en cours / a payment arrangement runs");
    private static final ScenarioColumn SUSPENDED = ScenarioColumn.of("suspendu", "suspended", "le service est suspendu / service is suspended");

    @Override
    public String ruleFile() {
        return "overdue-reminder.drl";
    }

    @Override
    public List<ScenarioColumn> inputs() {
        return List.of(OVERDUE, ARRANGEMENT, SUSPENDED);
    }

    @Override
    public DecisionFacts facts(String subject, ScenarioRow row) {
        return new OverdueReminderFacts(subject, row.decimal(OVERDUE, BigDecimal.ZERO), row.flag(ARRANGEMENT), row.flag(SUSPENDED));
    }
}
