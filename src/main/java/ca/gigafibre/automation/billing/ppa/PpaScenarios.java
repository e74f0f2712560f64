package ca.gigafibre.automation.billing.ppa;

import ca.gigafibre.automation.billing.BillingSettings;
import ca.gigafibre.automation.billing.PpaFacts;
import ca.gigafibre.automation.rules.DecisionFacts;
import ca.gigafibre.automation.rules.scenario.ScenarioAdapter;
import ca.gigafibre.automation.rules.scenario.ScenarioColumn;
import ca.gigafibre.automation.rules.scenario.ScenarioOutput;
import ca.gigafibre.automation.rules.scenario.ScenarioRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/** The columns of {@code rules/scenarios/ppa-charging.csv}: one invoice and its account's PPA settings, as {@link PpaFactsLoader} reads them. */
@Component
public class PpaScenarios implements ScenarioAdapter {

    static final LocalDate DEFAULT_ISSUE_DATE = LocalDate.of(2026, 3, 2);
    private static final ScenarioColumn AMOUNT_DUE = ScenarioColumn.of("montant_du", "amount_due", "reste à payer sur la facture / open on the invoice (requis/required)");
    private static final ScenarioColumn BANK_PPA = ScenarioColumn.of("debit_bancaire", "bank_ppa", "débit préautorisé bancaire (ppa) / bank PPA");
    private static final ScenarioColumn LIMIT = ScenarioColumn.of("limite", "ppa_amount", "limite de prélèvement (ppa_amount), vide = aucune / none");
    private static final ScenarioColumn BUFFER = ScenarioColumn.of("marge", "ppa_amount_buffer", "marge au-dessus de la limite / buffer (0)");
    private static final ScenarioColumn FIXED = ScenarioColumn.of("montant_fixe", "ppa_fixed", "montant fixe convenu (ppa_fixed), vide = aucun / none");
    private static final ScenarioColumn PPA_CARD = ScenarioColumn.of("carte_paysafe", "ppa_cc", "prélèvement par carte Paysafe (ppa_cc)");
    private static final ScenarioColumn PAYSAFE_TOKEN = ScenarioColumn.of("jeton_paysafe", "paysafe_token_on_file", "jeton de carte Paysafe au dossier / token on file");
    private static final ScenarioColumn STRIPE_PPA = ScenarioColumn.of("stripe", "stripe_ppa", "prélèvement Stripe (stripe_ppa)");
    private static final ScenarioColumn STRIPE_CARD = ScenarioColumn.of("carte_stripe", "stripe_card_on_file", "carte Stripe au dossier / card on file");
    private static final ScenarioColumn CARD_EXPIRED = ScenarioColumn.of("carte_expiree", "stripe_card_expired", "la carte Stripe est expirée / expired");
    private static final ScenarioColumn IN_COLLECTIONS = ScenarioColumn.of("en_recouvrement", "in_collections", "entente ouverte ou compte suspendu / open arrangement or suspended");
    private static final ScenarioColumn DISABLED = ScenarioColumn.of("compte_desactive", "account_disabled", "client désactivé dans ERPNext / disabled");
    private static final ScenarioColumn RETURNED_FEE = ScenarioColumn.of("frais_retour", "returned_payment_fee", "la facture facture des frais de paiement retourné / bills a returned-payment fee");
    private static final ScenarioColumn APPROVED = ScenarioColumn.of("approuve_au_dessus", "approved_above_limit", "une personne a approuvé au-dessus de la limite / approved above the limit");
    private static final ScenarioColumn PRE_NOTIFIED = ScenarioColumn.of("montant_preavise", "pre_notified_amount", "montant du préavis bancaire envoyé, vide = aucun / none sent");
    private static final ScenarioColumn ISSUE_DATE = ScenarioColumn.of("date_facture", "issue_date", "date d'émission (2026-03-02)");
    private static final ScenarioColumn NOTICE_DAYS = ScenarioColumn.of("jours_preavis_banque", "bank_notice_days", "jours de préavis d'un débit variable (automation.billing.bank-notice-days)");

    private final int bankNoticeDays;

    public PpaScenarios(BillingSettings settings) {
        this.bankNoticeDays = settings.bankNoticeDays();
    }

    @Override
    public String ruleFile() {
        return "ppa-charging.drl";
    }

    @Override
    public List<ScenarioColumn> inputs() {
        return List.of(AMOUNT_DUE, BANK_PPA, LIMIT, BUFFER, FIXED, PPA_CARD, PAYSAFE_TOKEN, STRIPE_PPA, STRIPE_CARD, CARD_EXPIRED,
                IN_COLLECTIONS, DISABLED, RETURNED_FEE, APPROVED, PRE_NOTIFIED, ISSUE_DATE, NOTICE_DAYS);
    }

    @Override
    public List<ScenarioOutput> outputs() {
        return List.of(ScenarioOutput.of("methode", "method", "method", "stripe, paysafe ou/or bank"),
                ScenarioOutput.of("montant_preleve", "charged_amount", "amount", "montant prélevé / amount charged"),
                ScenarioOutput.of("date_prelevement", "charge_on", "chargeOn", "date du prélèvement / charge date"),
                ScenarioOutput.of("preavis", "pre_notice", "preNotice", "un préavis H1 est requis / H1 pre-notice needed"),
                ScenarioOutput.of("plafonne_au_preavis", "capped_at_notice", "cappedAtNotice", "ramené au montant du préavis / brought down to the notice"));
    }

    @Override
    public DecisionFacts facts(String subject, ScenarioRow row) {
        LocalDate issued = row.date(ISSUE_DATE, DEFAULT_ISSUE_DATE);
        BigDecimal amountDue = row.decimal(AMOUNT_DUE, null);
        if (amountDue == null) {
            throw new IllegalArgumentException("colonne/column " + AMOUNT_DUE.label() + " requise/required");
        }
        return new PpaFacts(subject, amountDue, row.flag(BANK_PPA), row.decimal(LIMIT, null), row.decimal(BUFFER, BigDecimal.ZERO),
                row.decimal(FIXED, null), row.flag(PPA_CARD), row.flag(STRIPE_PPA), row.flag(STRIPE_CARD), row.flag(CARD_EXPIRED),
                row.flag(PAYSAFE_TOKEN), row.flag(IN_COLLECTIONS), issued, issued.plusDays(row.integer(NOTICE_DAYS, bankNoticeDays)),
                row.flag(APPROVED), row.flag(RETURNED_FEE), row.decimal(PRE_NOTIFIED, null), row.flag(DISABLED));
    }
}
