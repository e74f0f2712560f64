package ca.gigafibre.automation.collections.casework;

import ca.gigafibre.automation.collections.CollectionsCaseFacts;
import ca.gigafibre.automation.rules.DecisionFacts;
import ca.gigafibre.automation.rules.scenario.ScenarioAdapter;
import ca.gigafibre.automation.rules.scenario.ScenarioColumn;
import ca.gigafibre.automation.rules.scenario.ScenarioRow;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Component;

/** The columns of {@code rules/scenarios/collections-case.csv}: an account's overdue balance and its collections case. */
@Component
public class CollectionsCaseScenarios implements ScenarioAdapter {

    private static final ScenarioColumn OVERDUE = ScenarioColumn.of("solde_en_souffrance", "overdue_balance", "factures échues impayées / overdue balance (0)");
    private static final ScenarioColumn INVOICES = ScenarioColumn.of("factures_en_souffrance", "overdue_invoices", "nombre de factures échues / overdue invoices (1)");
    private static final ScenarioColumn CASE_OPEN = ScenarioColumn.of("dossier_ouvert", "case_open", "un dossier de recouvrement est ouvert / a case is open");
    private static final ScenarioColumn SUSPENDED = ScenarioColumn.of("suspendu", "suspended", "le compte est suspendu / suspended");

    @Override
    public String ruleFile() {
        return "collections-case.drl";
    }

    @Override
    public List<ScenarioColumn> inputs() {
        return List.of(OVERDUE, INVOICES, CASE_OPEN, SUSPENDED);
    }

    @Override
    public DecisionFacts facts(String subject, ScenarioRow row) {
        return new CollectionsCaseFacts(row.line(), subject, row.decimal(OVERDUE, BigDecimal.ZERO), row.integer(INVOICES, 1),
                row.flag(CASE_OPEN), row.flag(SUSPENDED));
    }
}
