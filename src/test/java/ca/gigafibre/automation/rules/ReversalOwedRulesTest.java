package ca.gigafibre.automation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.billing.ClosedInvoiceReversalFacts;
import ca.gigafibre.automation.workflow.AnalystResources;
import ca.gigafibre.automation.workflow.ResourcesSettings;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** rules/reversal-owed.drl: money a reversal took back from a closed invoice is owed again, unless the invoice was cancelled. */
class ReversalOwedRulesTest {

    private static RuleDecisions decisions;

    @BeforeAll
    static void compileTheProjectRules() {
        decisions = new RuleDecisions(new RuleBase(new AnalystResources(new ResourcesSettings(".")), new RuleSetCompiler()));
    }

    @ParameterizedTest(name = "{0} ({1}) → {3} {4}")
    @CsvSource(delimiter = '|', value = {
            "written-off | return | true | OWED | 40.00 | Money taken back from a written-off invoice is owed again",
            "written-off | refund | true | OWED | 40.00 | Money taken back from a written-off invoice is owed again",
            "cancelled | dispute | false | NOT_OWED | | A cancelled invoice was never owed: what is taken back from it is not owed again"})
    void decidesWhatIsOwedAgain(String status, String kind, boolean creditNote, String outcome, BigDecimal owed, String rule) {
        DecisionResult result = decisions.decide("reversal", new ClosedInvoiceReversalFacts("reversal:1:INV-0000001", "INV-0000001", status,
                creditNote, new BigDecimal("40.00"), kind));

        assertThat(result.outcome()).isEqualTo(outcome);
        assertThat(result.rulesFired()).containsExactly(rule);
        assertThat(result.values().get("amount")).isEqualTo(owed);
        assertThat(result.explanationFr()).contains("INV-0000001");
        assertThat(result.explanationEn()).contains("INV-0000001");
    }
}
