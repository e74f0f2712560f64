package ca.gigafibre.automation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.collections.ArrangementFacts;
import ca.gigafibre.automation.workflow.AnalystResources;
import ca.gigafibre.automation.workflow.ResourcesSettings;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * rules/arrangement-cutoff.drl at its boundaries: due date, cutoff date, paid in full or one cent short, nothing overdue
 * any more, a balance written off, an arrangement already kept.
 */
class ArrangementCutoffRulesTest {

    private static RuleDecisions decisions;

    @BeforeAll
    static void compileTheProjectRules() {
        decisions = new RuleDecisions(new RuleBase(new AnalystResources(new ResourcesSettings(".")), new RuleSetCompiler()));
    }

    @ParameterizedTest(name = "{0}: paid {1}, today {2} → {3}")
    @CsvSource(delimiter = '|', value = {
            "paid in full before due | 150.00 | 2026-03-20 | KEPT | Agreed amount received: arrangement kept",
            "paid in full after cutoff | 150.00 | 2026-04-05 | KEPT | Agreed amount received: arrangement kept",
            "nothing yet, before due | 0.00 | 2026-03-20 | PENDING | Before the due date: the arrangement is still running",
            "nothing yet, on due date | 0.00 | 2026-03-26 | PENDING | Before the due date: the arrangement is still running",
            "one cent short, day after due | 149.99 | 2026-03-27 | BROKEN | Due date passed without the agreed payment: arrangement broken",
            "nothing, day before cutoff | 0.00 | 2026-04-01 | BROKEN | Due date passed without the agreed payment: arrangement broken",
            "nothing, on cutoff date | 0.00 | 2026-04-02 | CUTOFF_DUE | Cutoff date reached without the agreed payment: cutoff due"})
    void decides(String name, String paid, LocalDate today, String outcome, String rule) {
        ArrangementFacts facts = new ArrangementFacts("ARR-00001", new BigDecimal("150.00"), new BigDecimal(paid), new BigDecimal(paid),
                today, LocalDate.of(2026, 3, 26), LocalDate.of(2026, 4, 2), new BigDecimal("300.00"), "open", false);

        DecisionResult result = decisions.decide("arrangement", facts);

        assertThat(result.outcome()).isEqualTo(outcome);
        assertThat(result.rulesFired()).containsExactly(rule);
        assertThat(result.explanationFr()).isNotBlank();
        assertThat(result.explanationEn()).isNotBlank();
    }

    @ParameterizedTest(name = "{0} → {6}")
    @CsvSource(delimiter = '|', value = {
            "balance cleared before due, short of the amount | 40.00 | 40.00 | 0.00 | open | false | KEPT | A payment since the agreement left nothing overdue: arrangement kept",
            "balance cleared late, after cutoff | 0.00 | 90.00 | 0.00 | open | false | KEPT | A payment since the agreement left nothing overdue: arrangement kept",
            "nothing overdue but nothing paid | 0.00 | 0.00 | 0.00 | open | false | CUTOFF_DUE | Cutoff date reached without the agreed payment: cutoff due",
            "one cent still overdue | 0.00 | 90.00 | 0.01 | open | false | CUTOFF_DUE | Cutoff date reached without the agreed payment: cutoff due",
            "balance written off unpaid | 40.00 | 40.00 | 0.00 | open | true | BROKEN | Overdue balance written off without the agreed payment: arrangement broken",
            "balance written off after it was paid | 150.00 | 150.00 | 0.00 | open | true | KEPT | Agreed amount received: arrangement kept",
            "already kept, judged again | 0.00 | 0.00 | 80.00 | kept | false | KEPT | Arrangement already kept: it stays kept",
            "broken, balance cleared later | 0.00 | 90.00 | 0.00 | broken | false | CUTOFF_DUE | Cutoff date reached without the agreed payment: cutoff due"})
    void endsOnTheBalanceAndItsHistory(String name, String paidByDue, String paidToDate, String overdue, String status, boolean writtenOff,
                                       String outcome, String rule) {
        LocalDate today = name.contains("before due") ? LocalDate.of(2026, 3, 20) : LocalDate.of(2026, 4, 5);
        ArrangementFacts facts = new ArrangementFacts("ARR-00002", new BigDecimal("150.00"), new BigDecimal(paidByDue),
                new BigDecimal(paidToDate), today, LocalDate.of(2026, 3, 26), LocalDate.of(2026, 4, 2), new BigDecimal(overdue), status,
                writtenOff);

        DecisionResult result = decisions.decide("arrangement", facts);

        assertThat(result.outcome()).isEqualTo(outcome);
        assertThat(result.rulesFired()).containsExactly(rule);
        assertThat(result.explanationFr()).isNotBlank();
        assertThat(result.explanationEn()).isNotBlank();
    }

    @ParameterizedTest(name = "{0} → {4}")
    @CsvSource(delimiter = '|', value = {
            "a credit cleared the balance, nothing paid, after due | 0.00 | 150.00 | 0.00 | KEPT | A credit since the agreement left nothing overdue: arrangement kept",
            "a credit as large as the agreed amount, balance still overdue | 0.00 | 150.00 | 150.00 | BROKEN | Due date passed without the agreed payment: arrangement broken",
            "a payment and a credit cleared it | 40.00 | 60.00 | 0.00 | KEPT | A payment since the agreement left nothing overdue: arrangement kept",
            "a credit before the due date, balance still overdue | 0.00 | 20.00 | 10.00 | PENDING | Before the due date: the arrangement is still running"})
    void aCreditIsNotAPaymentButABalanceItClearedIsNoLongerOwed(String name, String paid, String credited, String overdue, String outcome,
                                                                String rule) {
        LocalDate today = name.contains("before the due date") ? LocalDate.of(2026, 3, 20) : LocalDate.of(2026, 3, 30);
        ArrangementFacts facts = new ArrangementFacts("ARR-00003", new BigDecimal("150.00"), new BigDecimal(paid), new BigDecimal(paid), today,
                LocalDate.of(2026, 3, 26), LocalDate.of(2026, 4, 2), new BigDecimal(overdue), "open", false).credited(new BigDecimal(credited));

        DecisionResult result = decisions.decide("arrangement", facts);

        assertThat(result.outcome()).isEqualTo(outcome);
        assertThat(result.rulesFired()).containsExactly(rule);
    }
}
