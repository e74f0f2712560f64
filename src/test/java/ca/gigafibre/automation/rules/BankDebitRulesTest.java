package ca.gigafibre.automation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.billing.PpaFacts;
import ca.gigafibre.automation.billing.ReturnedDebitFacts;
import ca.gigafibre.automation.billing.charge.ReturnReasons;
import ca.gigafibre.automation.workflow.AnalystResources;
import ca.gigafibre.automation.workflow.ResourcesSettings;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bank-debit rules: Rule H1's pre-notice and its ceiling in ppa-charging.drl, and what follows a return (returned-debit.drl). */
class BankDebitRulesTest {

    private static final LocalDate ISSUED = LocalDate.of(2026, 12, 1);
    private static RuleDecisions decisions;

    @BeforeAll
    static void compileTheProjectRules() {
        decisions = new RuleDecisions(new RuleBase(new AnalystResources(new ResourcesSettings(".")), new RuleSetCompiler()));
    }

    @Test
    void aVariableBankDebitNeedsItsPreNoticeAFixedOneOrACardDoesNot() {
        assertThat(decisions.decide("ppa", bank("80.00", null, null, false)).values()).containsEntry("preNotice", true);
        assertThat(decisions.decide("ppa", new PpaFacts("INV-F", new BigDecimal("80.00"), true, null, BigDecimal.ZERO, new BigDecimal("50.00"),
                false, false, false, false, false, false, ISSUED, ISSUED.plusDays(10), false)).values()).containsEntry("preNotice", false);
        assertThat(decisions.decide("ppa", new PpaFacts("INV-S", new BigDecimal("80.00"), false, null, BigDecimal.ZERO, null,
                false, true, true, false, false, false, ISSUED, ISSUED.plusDays(10), false)).values()).containsEntry("preNotice", false);
    }

    @Test
    void aBankDebitNeverTakesMoreThanItsPreNoticeSaid() {
        DecisionResult more = decisions.decide("ppa", bank("130.00", "114.98", null, false));

        assertThat(more.outcome()).isEqualTo("CHARGE");
        assertThat(more.values().get("amount")).isEqualTo(new BigDecimal("114.98"));
        assertThat(more.rulesFired()).contains("A bank debit never takes more than its pre-notification said");

        DecisionResult less = decisions.decide("ppa", bank("14.98", "114.98", null, false));
        assertThat(less.values().get("amount")).isEqualTo(new BigDecimal("14.98"));
        assertThat(less.rulesFired()).doesNotContain("A bank debit never takes more than its pre-notification said");
    }

    @Test
    void aReturnedPaymentFeeIsNeverDebitedTheInvoiceIsSent() {
        DecisionResult fee = decisions.decide("ppa", bank("25.00", null, null, true));

        assertThat(fee.outcome()).isEqualTo("RETURNED_PAYMENT_FEE");
        assertThat(fee.values()).doesNotContainKey("method");
        assertThat(fee.explanationFr()).contains("jamais prélevés");
    }

    @Test
    void aFirstNsfIsRetriedOnceASecondIsNot() {
        DecisionResult first = decisions.decide("returned-debit", new ReturnedDebitFacts("INV-1-ppa-1", "INV-1", ReturnReasons.NSF, false, 0));
        DecisionResult second = decisions.decide("returned-debit", new ReturnedDebitFacts("INV-1-ppa-2", "INV-1", ReturnReasons.NSF, false, 1));

        assertThat(first.outcome()).isEqualTo("RETRY_ONCE");
        assertThat(first.values()).containsEntry("retry", true).containsEntry("fee", true).containsEntry("ppaOff", false);
        assertThat(second.outcome()).isEqualTo("NO_RETRY");
        assertThat(second.values()).containsEntry("retry", false).containsEntry("fee", true);
        assertThat(second.rulesFired()).containsExactly("Second NSF return: not retried");
    }

    @Test
    void accountClosedOrPaymentStoppedSwitchesPpaOffWithoutRetry() {
        for (String category : new String[] {ReturnReasons.ACCOUNT_CLOSED, ReturnReasons.PAYMENT_STOPPED}) {
            DecisionResult r = decisions.decide("returned-debit", new ReturnedDebitFacts("INV-2-ppa-1", "INV-2", category, false, 0));
            assertThat(r.outcome()).as(category).isEqualTo("PPA_OFF");
            assertThat(r.values()).as(category).containsEntry("ppaOff", true).containsEntry("retry", false);
        }
    }

    @Test
    void anUnknownOrNotAllowedReturnIsNotRetriedAndAFeesReturnBillsNoFee() {
        assertThat(decisions.decide("returned-debit", new ReturnedDebitFacts("k1", "INV-3", ReturnReasons.UNKNOWN, false, 0)).values())
                .containsEntry("retry", false).containsEntry("ppaOff", false);
        assertThat(decisions.decide("returned-debit", new ReturnedDebitFacts("k2", "INV-3", ReturnReasons.NOT_ALLOWED, false, 0)).values())
                .containsEntry("retry", false);
        DecisionResult feeReturned = decisions.decide("returned-debit", new ReturnedDebitFacts("k3", "INV-4", ReturnReasons.NSF, true, 0));
        assertThat(feeReturned.outcome()).isEqualTo("NO_FEE");
        assertThat(feeReturned.values()).containsEntry("fee", false).containsEntry("retry", false);
    }

    @Test
    void processorCodesMapToTheCategoriesTheRulesRead() {
        assertThat(ReturnReasons.categoryOf("901")).isEqualTo(ReturnReasons.NSF);
        assertThat(ReturnReasons.categoryOf("insufficient_funds")).isEqualTo(ReturnReasons.NSF);
        assertThat(ReturnReasons.categoryOf("905")).isEqualTo(ReturnReasons.ACCOUNT_CLOSED);
        assertThat(ReturnReasons.categoryOf("account_closed")).isEqualTo(ReturnReasons.ACCOUNT_CLOSED);
        assertThat(ReturnReasons.categoryOf("903")).isEqualTo(ReturnReasons.PAYMENT_STOPPED);
        assertThat(ReturnReasons.categoryOf("debit_not_authorized")).isEqualTo(ReturnReasons.PAYMENT_STOPPED);
        assertThat(ReturnReasons.categoryOf("907")).isEqualTo(ReturnReasons.NOT_ALLOWED);
        assertThat(ReturnReasons.categoryOf("42")).isEqualTo(ReturnReasons.UNKNOWN);
        assertThat(ReturnReasons.categoryOf(null)).isEqualTo(ReturnReasons.UNKNOWN);
    }

    private static PpaFacts bank(String due, String preNotified, String fixed, boolean fee) {
        return new PpaFacts("INV-B", new BigDecimal(due), true, new BigDecimal("200.00"), new BigDecimal("25.00"),
                fixed == null ? null : new BigDecimal(fixed), false, false, false, false, false, false, ISSUED, ISSUED.plusDays(10), false,
                fee, preNotified == null ? null : new BigDecimal(preNotified));
    }
}
