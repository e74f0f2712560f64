package ca.gigafibre.automation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.billing.PpaFacts;
import ca.gigafibre.automation.workflow.AnalystResources;
import ca.gigafibre.automation.workflow.ResourcesSettings;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** rules/ppa-charging.drl over a table of facts: outcome, method, amount, date and the rules that fired. */
class PpaChargingRulesTest {

    private static final LocalDate ISSUED = LocalDate.of(2026, 12, 1);
    private static final LocalDate NOTICE = ISSUED.plusDays(10);
    private static RuleDecisions decisions;

    @BeforeAll
    static void compileTheProjectRules() {
        decisions = new RuleDecisions(new RuleBase(new AnalystResources(new ResourcesSettings(".")), new RuleSetCompiler()));
    }

    record Case(String name, String due, boolean bank, String limit, String buffer, String fixed, boolean ppaCard, boolean stripePpa,
                boolean card, boolean expired, boolean token, boolean collections,
                String outcome, String method, String amount, LocalDate chargeOn, String decidingRule, boolean approved) {

        Case(String name, String due, boolean bank, String limit, String buffer, String fixed, boolean ppaCard, boolean stripePpa,
             boolean card, boolean expired, boolean token, boolean collections,
             String outcome, String method, String amount, LocalDate chargeOn, String decidingRule) {
            this(name, due, bank, limit, buffer, fixed, ppaCard, stripePpa, card, expired, token, collections, outcome, method, amount,
                    chargeOn, decidingRule, false);
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                new Case("stripe within no limit", "97.62", false, null, "0", null, false, true, true, false, false, false,
                        "CHARGE", "stripe", "97.62", ISSUED, "Invoice within the pre-authorized limit plus buffer"),
                new Case("bank at limit + buffer exactly", "175.00", true, "150.00", "25.00", null, false, false, false, false, false, false,
                        "CHARGE", "bank", "175.00", NOTICE, "Invoice within the pre-authorized limit plus buffer"),
                new Case("bank one cent above limit + buffer", "175.01", true, "150.00", "25.00", null, false, false, false, false, false, false,
                        "REVIEW_ABOVE_LIMIT", "bank", "175.01", NOTICE, "Invoice above the pre-authorized limit plus buffer: a person reviews"),
                new Case("bank above the limit, approved: still after the notice", "175.01", true, "150.00", "25.00", null, false, false, false,
                        false, false, false, "CHARGE", "bank", "175.01", NOTICE, "Invoice within the pre-authorized limit plus buffer", true),
                new Case("fixed amount above what is left open", "30.00", true, "150.00", "0", "120.00", false, false, false, false, false, false,
                        "CHARGE", "bank", "30.00", ISSUED, "Fixed pre-authorized amount, never more than what is open"),
                new Case("bank fixed amount, no notice wait", "412.00", true, "150.00", "0", "120.00", false, false, false, false, false, false,
                        "CHARGE", "bank", "120.00", ISSUED, "Fixed pre-authorized amount, never more than what is open"),
                new Case("paysafe token with ppa_cc", "60.00", false, "100.00", "0", null, true, false, false, false, true, false,
                        "CHARGE", "paysafe", "60.00", ISSUED, "Invoice within the pre-authorized limit plus buffer"),
                new Case("stripe preferred over bank", "80.00", true, null, "0", null, false, true, true, false, false, false,
                        "CHARGE", "stripe", "80.00", ISSUED, "Invoice within the pre-authorized limit plus buffer"),
                new Case("expired stripe card, bank as fallback", "80.00", true, null, "0", null, false, true, true, true, false, false,
                        "CHARGE", "bank", "80.00", NOTICE, "Invoice within the pre-authorized limit plus buffer"),
                new Case("expired stripe card alone", "80.00", false, null, "0", null, false, true, true, true, false, false,
                        "CARD_EXPIRED", null, null, null, "Stripe auto-charge but the card on file has expired"),
                new Case("card on file without auto-charge", "80.00", false, null, "0", null, false, false, true, false, false, false,
                        "NO_METHOD", null, null, null, "No pre-authorized payment method: the invoice is sent"),
                new Case("ppa_cc without a token", "80.00", false, null, "0", null, true, false, false, false, false, false,
                        "NO_METHOD", null, null, null, "No pre-authorized payment method: the invoice is sent"),
                new Case("in collections", "80.00", true, null, "0", null, false, true, true, false, false, true,
                        "IN_COLLECTIONS", null, null, null, "Account in collections: no automatic charge"),
                new Case("already paid", "0.00", true, null, "0", null, false, true, true, false, false, false,
                        "NOTHING_DUE", null, null, null, "Nothing left to pay on the invoice"))
                .map(c -> Arguments.of(c.name(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(String name, Case c) {
        DecisionResult result = decisions.decide("ppa", facts("INV-0000001", c));

        assertThat(result.outcome()).isEqualTo(c.outcome());
        assertThat(result.rulesFired()).last().isEqualTo(c.decidingRule());
        assertThat(result.values().get("method")).isEqualTo(c.method());
        assertThat(result.values().get("amount")).isEqualTo(c.amount() == null ? null : new BigDecimal(c.amount()));
        assertThat(result.values().get("chargeOn")).isEqualTo(c.chargeOn());
        assertThat(result.explanationFr()).isNotBlank();
        assertThat(result.explanationEn()).isNotBlank();
    }

    @org.junit.jupiter.api.Test
    void manyInvoicesInOneSessionAreDecidedEachOnItsOwnFacts() {
        java.util.List<Case> all = cases().map(a -> (Case) a.get()[1]).toList();
        java.util.List<PpaFacts> facts = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            facts.add(facts(String.format("INV-%07d", i + 1), all.get(i)));
        }

        java.util.Map<String, DecisionResult> results = decisions.decideAll("ppa", facts);

        for (int i = 0; i < all.size(); i++) {
            DecisionResult batch = results.get(String.format("INV-%07d", i + 1));
            assertThat(batch.outcome()).as(all.get(i).name()).isEqualTo(all.get(i).outcome());
            assertThat(batch.rulesFired()).as(all.get(i).name()).last().isEqualTo(all.get(i).decidingRule());
            assertThat(batch.values().get("method")).as(all.get(i).name()).isEqualTo(all.get(i).method());
        }
    }

    private static PpaFacts facts(String invoice, Case c) {
        return new PpaFacts(invoice, new BigDecimal(c.due()), c.bank(), c.limit() == null ? null : new BigDecimal(c.limit()),
                new BigDecimal(c.buffer()), c.fixed() == null ? null : new BigDecimal(c.fixed()), c.ppaCard(), c.stripePpa(), c.card(),
                c.expired(), c.token(), c.collections(), ISSUED, NOTICE, c.approved());
    }
}
