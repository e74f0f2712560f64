package ca.gigafibre.automation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.billing.PpaFacts;
import ca.gigafibre.automation.workflow.AnalystResources;
import ca.gigafibre.automation.workflow.ResourcesSettings;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** rules/ppa-charging.drl: a customer disabled in ERPNext is never charged automatically, whatever its PPA settings. */
class DisabledAccountChargeRuleTest {

    private static final LocalDate ISSUED = LocalDate.of(2026, 12, 1);

    private final RuleDecisions decisions = new RuleDecisions(new RuleBase(new AnalystResources(new ResourcesSettings(".")), new RuleSetCompiler()));

    @Test
    void aDisabledAccountWithAValidCardIsNotCharged() {
        DecisionResult result = decisions.decide("ppa", stripeWithinLimit(true));

        assertThat(result.outcome()).isEqualTo("ACCOUNT_DISABLED");
        assertThat(result.rulesFired()).last().isEqualTo("Disabled account: no automatic charge");
        assertThat(result.values().get("method")).isNull();
        assertThat(result.explanationEn()).isEqualTo("The account is disabled: no automatic charge, the invoice is sent.");
    }

    @Test
    void theSameAccountEnabledIsCharged() {
        assertThat(decisions.decide("ppa", stripeWithinLimit(false)).outcome()).isEqualTo("CHARGE");
    }

    private static PpaFacts stripeWithinLimit(boolean disabled) {
        return new PpaFacts("INV-0000001", new BigDecimal("80.00"), false, null, BigDecimal.ZERO, null, false, true, true, false, false, false,
                ISSUED, ISSUED.plusDays(10), false, false, null, disabled);
    }
}
