package ca.gigafibre.automation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.collections.SuspensionFacts;
import ca.gigafibre.automation.workflow.AnalystResources;
import ca.gigafibre.automation.workflow.ResourcesSettings;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** rules/suspension.drl per reason (notice, cut window, approval) and with undelivered cutoff notices. */
class SuspensionReasonRulesTest {

    private static final ZoneId MONTREAL = ZoneId.of("America/Montreal");
    private static final OffsetDateTime NEXT_CUT = LocalDate.of(2026, 12, 28).atTime(8, 0).atZone(MONTREAL).toOffsetDateTime();
    private static final OffsetDateTime DATE_CUT = LocalDate.of(2027, 1, 12).atTime(8, 0).atZone(MONTREAL).toOffsetDateTime();
    private static RuleDecisions decisions;

    @BeforeAll
    static void compileTheProjectRules() {
        decisions = new RuleDecisions(new RuleBase(new AnalystResources(new ResourcesSettings(".")), new RuleSetCompiler()));
    }

    @ParameterizedTest(name = "{0} by admin {1}, approved {2}, date reached {3}, cut time {4}, vip {5} → {6}")
    @CsvSource(delimiter = '|', value = {
            "abuse            | true  | false | true  | false | false | SUSPEND                 | Abuse or fraud: suspend at once, at any hour",
            "fraud            | true  | false | true  | false | true  | SUSPEND                 | Abuse or fraud: suspend at once, at any hour",
            "fraud            | false | false | true  | true  | false | ADMIN_APPROVAL_REQUIRED | Abuse or fraud asked by ops needs an administrator's approval",
            "abuse            | false | true  | true  | false | false | SUSPEND                 | Abuse or fraud: suspend at once, at any hour",
            "customer-request | false | false | false | true  | false | WAIT_CUT_WINDOW         | Customer's request waits for its date and the cut window",
            "customer-request | false | false | true  | false | false | WAIT_CUT_WINDOW         | Customer's request waits for its date and the cut window",
            "customer-request | false | false | true  | true  | true  | SUSPEND                 | Customer's request on its date: suspend without a collections notice",
            "non-payment      | false | false | true  | true  | true  | APPROVAL_REQUIRED       | VIP or commercial account needs a person's approval before suspension",
            "non-payment      | false | false | true  | false | false | WAIT_CUT_WINDOW         | Cut only on a cut day inside the cut window"})
    void decidesPerReason(String reason, boolean byAdmin, boolean approved, boolean dateReached, boolean cutTime, boolean vip,
                          String outcome, String rule) {
        SuspensionFacts facts = new SuspensionFacts("C-10001", false, vip, false, false, false, true, BigDecimal.ZERO, 0, 30, cutTime,
                NEXT_CUT, null, 5, null, approved).asked(reason, byAdmin, dateReached, dateReached ? NEXT_CUT : DATE_CUT);

        DecisionResult result = decisions.decide("suspension", facts);

        assertThat(result.outcome()).isEqualTo(outcome);
        assertThat(result.rulesFired()).containsExactly(rule);
        assertThat(result.explanationFr()).isNotBlank();
        assertThat(result.explanationEn()).isNotBlank();
        if (!dateReached) {
            assertThat(result.values().get("nextCutTime")).isEqualTo(DATE_CUT);   // waits for the requested date, not the next window
        }
    }

    @ParameterizedTest(name = "delivered notice {0} days ago, undelivered {1} → {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "null | true  | CALL_REQUIRED   | A cutoff notice that did not reach the customer: a person calls before the cut",
            "null | false | NOTICE_REQUIRED | No suspension without a notice sent long enough before",
            "6    | true  | SUSPEND         | Overdue balance past the grace period: suspend",
            "6    | false | SUSPEND         | Overdue balance past the grace period: suspend"})
    void onlyADeliveredNoticeCounts(Integer deliveredDaysAgo, boolean undelivered, String outcome, String rule) {
        SuspensionFacts facts = new SuspensionFacts("C-10001", false, false, false, false, false, false, new BigDecimal("120.00"), 45, 30,
                true, NEXT_CUT, deliveredDaysAgo, 5, null, false).noticeUndelivered(undelivered);

        DecisionResult result = decisions.decide("suspension", facts);

        assertThat(result.outcome()).isEqualTo(outcome);
        assertThat(result.rulesFired()).containsExactly(rule);
    }
}
