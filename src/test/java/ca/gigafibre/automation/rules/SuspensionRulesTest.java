package ca.gigafibre.automation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.collections.SuspensionFacts;
import ca.gigafibre.automation.workflow.AnalystResources;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** rules/suspension.drl over a table of facts: outcome and the rule that decided, at every boundary. */
class SuspensionRulesTest {

    private static final int GRACE = 30;
    private static RuleDecisions decisions;

    @BeforeAll
    static void compileTheProjectRules() {
        decisions = new RuleDecisions(new RuleBase(new AnalystResources("."), new RuleSetCompiler()));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // neverSuspend, vip, commercial, alreadySuspended, keptArrangement, staff, overdue, days, outcome, rule
                Arguments.of(false, false, false, false, false, false, "120.00", 29, "NOT_DUE", "Nothing overdue long enough: no suspension"),
                Arguments.of(false, false, false, false, false, false, "120.00", 30, "SUSPEND", "Overdue balance past the grace period: suspend"),
                Arguments.of(false, false, false, false, false, false, "0.00", 90, "NOT_DUE", "Nothing overdue long enough: no suspension"),
                Arguments.of(true, false, false, false, false, false, "500.00", 90, "EXEMPT", "Never-suspend account is exempt from suspension"),
                Arguments.of(true, false, false, false, false, true, "0.00", 0, "EXEMPT", "Never-suspend account is exempt from suspension"),
                Arguments.of(false, false, false, false, true, false, "300.00", 60, "WAIT", "Kept payment arrangement holds the suspension"),
                Arguments.of(false, false, false, false, true, true, "300.00", 60, "SUSPEND", "Staff asked for the suspension"),
                Arguments.of(false, true, false, false, false, false, "300.00", 30, "APPROVAL_REQUIRED", "VIP or commercial account needs a person's approval before suspension"),
                Arguments.of(false, false, true, false, false, true, "0.00", 0, "APPROVAL_REQUIRED", "VIP or commercial account needs a person's approval before suspension"),
                Arguments.of(false, true, false, false, false, false, "300.00", 29, "NOT_DUE", "Nothing overdue long enough: no suspension"),
                Arguments.of(false, false, false, true, false, true, "300.00", 60, "ALREADY_SUSPENDED", "Account already suspended: nothing more to do"),
                Arguments.of(false, false, false, false, false, true, "0.00", 0, "SUSPEND", "Staff asked for the suspension"));
    }

    @ParameterizedTest(name = "[{index}] {8} by \"{9}\"")
    @MethodSource("cases")
    void decides(boolean neverSuspend, boolean vip, boolean commercial, boolean alreadySuspended, boolean keptArrangement,
                 boolean staff, String overdue, int days, String outcome, String rule) {
        SuspensionFacts facts = new SuspensionFacts("C-10001", neverSuspend, vip, commercial, alreadySuspended, keptArrangement,
                staff, new BigDecimal(overdue), days, GRACE);

        DecisionResult result = decisions.decide("suspension", facts);

        assertThat(result.outcome()).isEqualTo(outcome);
        assertThat(result.rulesFired()).containsExactly(rule);
        assertThat(result.explanationFr()).isNotBlank();
        assertThat(result.explanationEn()).isNotBlank();
        assertThat(result.rulesetVersion()).hasSize(12);
    }
}
