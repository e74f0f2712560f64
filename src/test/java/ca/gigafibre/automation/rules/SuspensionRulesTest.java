package ca.gigafibre.automation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.collections.SuspensionFacts;
import ca.gigafibre.automation.workflow.AnalystResources;
import ca.gigafibre.automation.workflow.ResourcesSettings;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** rules/suspension.drl over a table of facts: outcome and the rule that decided, at every boundary. */
class SuspensionRulesTest {

    private static final int GRACE = 30;
    private static final int NOTICE = 5;
    private static final java.time.OffsetDateTime NEXT_CUT = LocalDate.of(2026, 12, 28).atTime(8, 0)
            .atZone(java.time.ZoneId.of("America/Montreal")).toOffsetDateTime();
    private static RuleDecisions decisions;

    @BeforeAll
    static void compileTheProjectRules() {
        decisions = new RuleDecisions(new RuleBase(new AnalystResources(new ResourcesSettings(".")), new RuleSetCompiler()));
    }

    record Case(String name, boolean neverSuspend, boolean vip, boolean commercial, boolean suspended, boolean arrangement,
                boolean staff, String overdue, int days, boolean businessDay, Integer noticeDaysAgo, String outcome, String rule,
                boolean cutoffDue, boolean approved) {

        Case(String name, boolean neverSuspend, boolean vip, boolean commercial, boolean suspended, boolean arrangement, boolean staff,
             String overdue, int days, boolean businessDay, Integer noticeDaysAgo, String outcome, String rule) {
            this(name, neverSuspend, vip, commercial, suspended, arrangement, staff, overdue, days, businessDay, noticeDaysAgo, outcome, rule,
                    false, false);
        }

        Case(String name, boolean neverSuspend, boolean vip, boolean commercial, boolean suspended, boolean arrangement, boolean staff,
             String overdue, int days, boolean businessDay, Integer noticeDaysAgo, String outcome, String rule, boolean cutoffDue) {
            this(name, neverSuspend, vip, commercial, suspended, arrangement, staff, overdue, days, businessDay, noticeDaysAgo, outcome, rule,
                    cutoffDue, false);
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                new Case("one day inside the grace period", false, false, false, false, false, false, "120.00", 29, true, 10,
                        "NOT_DUE", "Nothing overdue long enough: no suspension"),
                new Case("grace period reached, notice given", false, false, false, false, false, false, "120.00", 30, true, 10,
                        "SUSPEND", "Overdue balance past the grace period: suspend"),
                new Case("nothing overdue", false, false, false, false, false, false, "0.00", 90, true, 10,
                        "NOT_DUE", "Nothing overdue long enough: no suspension"),
                new Case("never-suspend", true, false, false, false, false, false, "500.00", 90, true, 10,
                        "EXEMPT", "Never-suspend account is exempt from suspension"),
                new Case("never-suspend even if staff ask", true, false, false, false, false, true, "0.00", 0, true, null,
                        "EXEMPT", "Never-suspend account is exempt from suspension"),
                new Case("kept arrangement", false, false, false, false, true, false, "300.00", 60, true, 10,
                        "WAIT", "Kept payment arrangement holds the suspension"),
                new Case("kept arrangement but staff ask", false, false, false, false, true, true, "300.00", 60, true, null,
                        "SUSPEND", "Staff asked for the suspension"),
                new Case("no notice sent yet", false, false, false, false, false, false, "120.00", 45, true, null,
                        "NOTICE_REQUIRED", "No suspension without a notice sent long enough before"),
                new Case("notice sent one day short", false, false, false, false, false, false, "120.00", 45, true, NOTICE - 1,
                        "NOTICE_REQUIRED", "No suspension without a notice sent long enough before"),
                new Case("notice sent exactly N days ago", false, false, false, false, false, false, "120.00", 45, true, NOTICE,
                        "SUSPEND", "Overdue balance past the grace period: suspend"),
                new Case("weekend or holiday", false, false, false, false, false, false, "120.00", 45, false, 10,
                        "WAIT_CUT_WINDOW", "Cut only on a cut day inside the cut window"),
                new Case("staff request on a holiday waits too", false, false, false, false, false, true, "0.00", 0, false, null,
                        "WAIT_CUT_WINDOW", "Cut only on a cut day inside the cut window"),
                new Case("VIP overdue", false, true, false, false, false, false, "300.00", 30, true, 10,
                        "APPROVAL_REQUIRED", "VIP or commercial account needs a person's approval before suspension"),
                new Case("commercial, staff ask", false, false, true, false, false, true, "0.00", 0, true, null,
                        "APPROVAL_REQUIRED", "VIP or commercial account needs a person's approval before suspension"),
                new Case("VIP approved: suspend in the cut window", false, true, false, false, false, false, "300.00", 30, true, 10,
                        "SUSPEND", "Overdue balance past the grace period: suspend", false, true),
                new Case("VIP approved on a Saturday: waits for the cut window", false, true, false, false, false, false, "300.00", 30, false, 10,
                        "WAIT_CUT_WINDOW", "Cut only on a cut day inside the cut window", false, true),
                new Case("VIP not yet overdue long enough", false, true, false, false, false, false, "300.00", 29, true, 10,
                        "NOT_DUE", "Nothing overdue long enough: no suspension"),
                new Case("already suspended", false, false, false, true, false, true, "300.00", 60, true, 10,
                        "ALREADY_SUSPENDED", "Account already suspended: nothing more to do"),
                new Case("staff ask, no notice needed", false, false, false, false, false, true, "0.00", 0, true, null,
                        "SUSPEND", "Staff asked for the suspension"),
                new Case("broken arrangement at its cutoff date, inside the grace period", false, false, false, false, false, false,
                        "150.00", 12, true, 10, "SUSPEND", "Broken payment arrangement reached its cutoff date: suspend", true),
                new Case("broken arrangement at cutoff, but no notice yet", false, false, false, false, false, false,
                        "150.00", 12, true, null, "NOTICE_REQUIRED", "No suspension without a notice sent long enough before", true))
                .map(c -> Arguments.of(c.name(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(String name, Case c) {
        SuspensionFacts facts = new SuspensionFacts("C-10001", c.neverSuspend(), c.vip(), c.commercial(), c.suspended(), c.arrangement(),
                c.staff(), new BigDecimal(c.overdue()), c.days(), GRACE, c.businessDay(), NEXT_CUT, c.noticeDaysAgo(), NOTICE,
                c.cutoffDue() ? Integer.valueOf(0) : null, c.approved());

        DecisionResult result = decisions.decide("suspension", facts);

        assertThat(result.outcome()).isEqualTo(c.outcome());
        assertThat(result.rulesFired()).containsExactly(c.rule());
        assertThat(result.explanationFr()).isNotBlank();
        assertThat(result.explanationEn()).isNotBlank();
        assertThat(result.rulesetVersion()).hasSize(12);
        if (c.outcome().equals("WAIT_CUT_WINDOW")) {
            assertThat(result.values().get("nextCutTime")).isEqualTo(NEXT_CUT);
            assertThat(result.explanationFr()).contains("2026-12-28 08:00");
        }
    }
}
