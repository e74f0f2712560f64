package ca.gigafibre.automation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.collections.ReactivationFacts;
import ca.gigafibre.automation.workflow.AnalystResources;
import ca.gigafibre.automation.workflow.ResourcesSettings;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** rules/reactivation.drl over a table of facts. */
class ReactivationRulesTest {

    private static RuleDecisions decisions;

    @BeforeAll
    static void compileTheProjectRules() {
        decisions = new RuleDecisions(new RuleBase(new AnalystResources(new ResourcesSettings(".")), new RuleSetCompiler()));
    }

    @ParameterizedTest(name = "suspended {0}, overdue {1}, arrangement {2}/{3} → {4}")
    @CsvSource(delimiter = '|', value = {
            "true  | 0.00   | false | false | REACTIVATE     | Overdue balance cleared: reactivate",
            "true  | -5.00  | false | false | REACTIVATE     | Overdue balance cleared: reactivate",
            "true  | 0.01   | false | false | STAY_SUSPENDED | Overdue balance still owed: the account stays suspended",
            "true  | 120.00 | true  | true  | REACTIVATE     | New arrangement accepted with its first payment: reactivate",
            "true  | 120.00 | true  | false | STAY_SUSPENDED | Overdue balance still owed: the account stays suspended",
            "false | 120.00 | false | false | NOT_SUSPENDED  | Account not suspended: nothing to reactivate"})
    void decides(boolean suspended, String balance, boolean arrangement, boolean firstPayment, String outcome, String rule) {
        DecisionResult result = decisions.decide("reactivation",
                new ReactivationFacts("C-10001", suspended, new BigDecimal(balance), arrangement, firstPayment));

        assertThat(result.outcome()).isEqualTo(outcome);
        assertThat(result.rulesFired()).containsExactly(rule);
        assertThat(result.explanationFr()).isNotBlank();
        assertThat(result.explanationEn()).isNotBlank();
    }

    @ParameterizedTest(name = "suspended for {0}, overdue {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "non-payment      | 0.00 | REACTIVATE | Overdue balance cleared: reactivate",
            "customer-request | 0.00 | STAFF_ONLY | Suspension not for non-payment: only staff lift it",
            "abuse            | 0.00 | STAFF_ONLY | Suspension not for non-payment: only staff lift it",
            "fraud            | 0.00 | STAFF_ONLY | Suspension not for non-payment: only staff lift it",
            "legacy           | 0.00 | STAFF_ONLY | Suspension not for non-payment: only staff lift it"})
    void onlyNonPaymentSuspensionsAreLiftedByTheRules(String reason, String balance, String outcome, String rule) {
        DecisionResult result = decisions.decide("reactivation",
                new ReactivationFacts("C-10001", true, new BigDecimal(balance), false, false, reason, false));

        assertThat(result.outcome()).isEqualTo(outcome);
        assertThat(result.rulesFired()).containsExactly(rule);
        assertThat(result.explanationEn()).isNotBlank();
    }
}
