package ca.gigafibre.automation.collections.suspension;

import ca.gigafibre.automation.collections.CollectionsSettings;
import ca.gigafibre.automation.collections.SuspensionFacts;
import ca.gigafibre.automation.collections.SuspensionReason;
import ca.gigafibre.automation.platform.time.BusinessHours;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.rules.DecisionFacts;
import ca.gigafibre.automation.rules.scenario.ScenarioAdapter;
import ca.gigafibre.automation.rules.scenario.ScenarioColumn;
import ca.gigafibre.automation.rules.scenario.ScenarioOutput;
import ca.gigafibre.automation.rules.scenario.ScenarioRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The columns of {@code rules/scenarios/suspension.csv}: one account at a given Montreal time. The cut window comes from
 * that time through the engine's own {@link BusinessHours} (Quebec holidays, eves, cut days), as {@link SuspensionFactsLoader}
 * takes it from the clock, so a row on Christmas Eve tests the calendar the engine uses.
 */
@Component
public class SuspensionScenarios implements ScenarioAdapter {

    static final LocalDateTime DEFAULT_NOW = LocalDateTime.of(2026, 3, 10, 10, 0);   // a Tuesday, inside the cut window
    private static final ScenarioColumn NOW = ScenarioColumn.of("maintenant", "now", "heure de Montréal / Montreal time, AAAA-MM-JJ HH:MM (2026-03-10 10:00, un mardi / a Tuesday)");
    private static final ScenarioColumn REASON = ScenarioColumn.of("motif", "reason", "non-payment, customer-request, abuse, fraud (non-payment)");
    private static final ScenarioColumn NEVER = ScenarioColumn.of("ne_jamais_suspendre", "never_suspend", "compte « ne jamais suspendre » / never-suspend");
    private static final ScenarioColumn VIP = ScenarioColumn.of("vip", "vip", "compte VIP");
    private static final ScenarioColumn COMMERCIAL = ScenarioColumn.of("commercial", "commercial", "compte commercial");
    private static final ScenarioColumn SUSPENDED = ScenarioColumn.of("deja_suspendu", "already_suspended", "déjà suspendu / already suspended");
    private static final ScenarioColumn OPEN_REASON = ScenarioColumn.of("motif_en_vigueur", "open_suspension_reason", "motif de la suspension en vigueur / reason of the suspension in force");
    private static final ScenarioColumn KEPT = ScenarioColumn.of("entente_respectee", "kept_arrangement", "une entente ouverte est respectée / an open arrangement is kept");
    private static final ScenarioColumn STAFF = ScenarioColumn.of("demande_personnel", "requested_by_staff", "demandée par le personnel / asked by staff");
    private static final ScenarioColumn ADMIN = ScenarioColumn.of("demande_admin", "requested_by_admin", "demandée par un administrateur / asked by an admin");
    private static final ScenarioColumn APPROVED = ScenarioColumn.of("approuve", "approved", "une personne a approuvé / a person approved");
    private static final ScenarioColumn EFFECTIVE = ScenarioColumn.of("date_effet", "effective_date", "date demandée par le client, vide = maintenant / requested date, blank = now");
    private static final ScenarioColumn OVERDUE = ScenarioColumn.of("solde_en_souffrance", "overdue_amount", "solde échu / overdue (0)");
    private static final ScenarioColumn DAYS = ScenarioColumn.of("jours_en_souffrance", "days_overdue", "jours depuis la plus vieille échéance / days since the oldest due date (0)");
    private static final ScenarioColumn GRACE = ScenarioColumn.of("delai_grace", "grace_days", "délai de grâce / grace days (automation.collections.suspension-grace-days)");
    private static final ScenarioColumn NOTICE_AGO = ScenarioColumn.of("avis_remis_il_y_a", "notice_sent_days_ago", "jours depuis l'avis de coupure remis, vide = aucun / days since the delivered notice, blank = none");
    private static final ScenarioColumn NOTICE_DAYS = ScenarioColumn.of("jours_avis", "notice_days", "préavis requis / notice days (automation.collections.suspension-notice-days)");
    private static final ScenarioColumn UNDELIVERED = ScenarioColumn.of("avis_non_remis", "notice_undelivered", "le dernier avis n'a pas été remis / the last notice did not reach the customer");
    private static final ScenarioColumn CUTOFF_AGO = ScenarioColumn.of("coupure_entente_il_y_a", "arrangement_cutoff_days_ago",
            "jours depuis la date de coupure d'une entente rompue, vide = aucune / days since a broken arrangement's cutoff date, blank = none");

    private final BusinessHours hours;
    private final int graceDays;
    private final int noticeDays;

    public SuspensionScenarios(BusinessHours hours, CollectionsSettings settings) {
        this.hours = hours;
        this.graceDays = settings.suspensionGraceDays();
        this.noticeDays = settings.suspensionNoticeDays();
    }

    @Override
    public String ruleFile() {
        return "suspension.drl";
    }

    @Override
    public List<ScenarioColumn> inputs() {
        return List.of(NOW, REASON, NEVER, VIP, COMMERCIAL, SUSPENDED, OPEN_REASON, KEPT, STAFF, ADMIN, APPROVED, EFFECTIVE, OVERDUE,
                DAYS, GRACE, NOTICE_AGO, NOTICE_DAYS, UNDELIVERED, CUTOFF_AGO);
    }

    @Override
    public List<ScenarioOutput> outputs() {
        return List.of(ScenarioOutput.of("prochaine_coupure", "next_cut_time", "nextCutTime", "début de la prochaine fenêtre de coupure / next cut window (AAAA-MM-JJ HH:MM)"),
                ScenarioOutput.of("coupure_toute_heure", "cut_any_hour", "cutAnyHour", "coupure immédiate à toute heure / cut at once at any hour"));
    }

    @Override
    public DecisionFacts facts(String subject, ScenarioRow row) {
        OffsetDateTime now = row.dateTime(NOW, DEFAULT_NOW).atZone(BusinessTime.ZONE).toOffsetDateTime();
        // as SuspensionFactsLoader: a request with a later date is cut in the first window of that day or after
        LocalDate effectiveDate = row.date(EFFECTIVE, null);
        boolean dateReached = effectiveDate == null || !effectiveDate.isAfter(now.toLocalDate());
        OffsetDateTime effectiveCut = dateReached ? hours.nextCutTime(now)
                : hours.nextCutTime(effectiveDate.atStartOfDay(BusinessTime.ZONE).toOffsetDateTime());
        return new SuspensionFacts(subject, row.flag(NEVER), row.flag(VIP), row.flag(COMMERCIAL), row.flag(SUSPENDED), row.flag(KEPT),
                row.flag(STAFF), row.decimal(OVERDUE, BigDecimal.ZERO), row.integer(DAYS, 0), row.integer(GRACE, graceDays),
                hours.isCutTime(now), hours.nextCutTime(now), row.integer(NOTICE_AGO, null), row.integer(NOTICE_DAYS, noticeDays),
                row.integer(CUTOFF_AGO, null), row.flag(APPROVED))
                .asked(row.text(REASON, SuspensionReason.NON_PAYMENT.code()), row.flag(ADMIN), dateReached, effectiveCut)
                .noticeUndelivered(row.flag(UNDELIVERED))
                .openSuspensionReason(row.text(OPEN_REASON, null));
    }
}
