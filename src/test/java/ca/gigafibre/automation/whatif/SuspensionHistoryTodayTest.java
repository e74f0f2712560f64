package ca.gigafibre.automation.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.collections.SuspensionFacts;
import ca.gigafibre.automation.collections.suspension.SuspensionFactsLoader;
import ca.gigafibre.automation.collections.suspension.SuspensionHistory;
import ca.gigafibre.automation.collections.CollectionsSettings;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.rules.RuleDecisions;
import ca.gigafibre.automation.testing.EngineClockTest;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The what-if rebuilds a day's suspension facts from dates ({@link SuspensionHistory}); the engine reads today's from the
 * tables as they are ({@link SuspensionFactsLoader}). Two readings of one set of facts: replayed on today, the history
 * must see what the engine sees, and the rules must decide the same, for an account in each state the rules tell apart.
 */
class SuspensionHistoryTodayTest extends EngineClockTest {

    @Autowired
    SuspensionHistory history;

    @Autowired
    SuspensionFactsLoader live;

    @Autowired
    CollectionsSettings settings;

    @Autowired
    RuleDecisions decisions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void replayedOnTodayTheHistorySeesWhatTheEngineSeesAndTheRulesDecideTheSame() {
        Map<String, String> accounts = new LinkedHashMap<>();
        accounts.put("past grace, notice given", customer("Echu", 187.40, 45, 6));
        accounts.put("within grace", customer("Grace", 80.00, 10, null));
        accounts.put("past grace, no notice", customer("SansAvis", 120.00, 45, null));
        accounts.put("notice given too recently", customer("AvisRecent", 95.00, 45, 2));
        String suspended = customer("Suspendu", 140.00, 60, 20);
        jdbc.sql("""
                INSERT INTO automation.suspension (customer_id, started_at, reason)
                SELECT id, :started, 'non-payment' FROM automation.customer WHERE customer_no = :no
                """).param("started", BusinessTime.now().minusDays(9)).param("no", suspended).update();
        accounts.put("suspended", suspended);
        String broken = customer("Rompu", 60.00, 40, 8);
        jdbc.sql("""
                INSERT INTO automation.payment_arrangement (customer_id, amount, agreed_date, due_date, cutoff_date, status)
                SELECT id, 60.00, :agreed, :due, :cutoff, 'broken' FROM automation.customer WHERE customer_no = :no
                """).param("agreed", start.minusDays(20)).param("due", start.minusDays(5)).param("cutoff", start.minusDays(1))
                .param("no", broken).update();
        accounts.put("broken arrangement at its cutoff", broken);
        String running = customer("Entente", 75.00, 40, 8);
        jdbc.sql("""
                INSERT INTO automation.payment_arrangement (customer_id, amount, agreed_date, due_date, cutoff_date, status)
                SELECT id, 75.00, :agreed, :due, :cutoff, 'open' FROM automation.customer WHERE customer_no = :no
                """).param("agreed", start.minusDays(3)).param("due", start.plusDays(10)).param("cutoff", start.plusDays(15))
                .param("no", running).update();
        accounts.put("arrangement running", running);

        Map<Long, SuspensionHistory.Ledger> ledgers = history.read(start.minusDays(1), start, accounts.values());
        SuspensionHistory.Parameters parameters = new SuspensionHistory.Parameters(settings.suspensionGraceDays(),
                settings.suspensionNoticeDays(), settings.noticeValidDays());
        SuspensionHistory.Day today = history.day(start);

        assertThat(ledgers).hasSize(accounts.size());
        for (SuspensionHistory.Ledger ledger : ledgers.values()) {
            String state = accounts.entrySet().stream().filter(a -> a.getValue().equals(ledger.account().customerNo())).findFirst()
                    .orElseThrow().getKey();
            SuspensionFacts replayed = history.factsOn(ledger, today, parameters);
            SuspensionFacts read = live.load(ledger.account().id(), false, false);
            assertThat(seen(replayed)).as(state).isEqualTo(seen(read));
            assertThat(decisions.decide("suspension", replayed).outcome()).as(state)
                    .isEqualTo(decisions.decide("suspension", read).outcome());
        }
        Map<String, String> outcomes = new LinkedHashMap<>();
        ledgers.values().forEach(l -> outcomes.put(accounts.entrySet().stream().filter(a -> a.getValue().equals(l.account().customerNo()))
                .findFirst().orElseThrow().getKey(), decisions.decide("suspension", live.load(l.account().id(), false, false)).outcome()));
        // each state is one the rules tell apart, so an agreement above is not one of "nothing to decide" everywhere
        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of("past grace, notice given", "SUSPEND", "within grace", "NOT_DUE",
                "past grace, no notice", "NOTICE_REQUIRED", "notice given too recently", "NOTICE_REQUIRED", "suspended", "ALREADY_SUSPENDED",
                "broken arrangement at its cutoff", "SUSPEND", "arrangement running", "WAIT"));
    }

    private String customer(String name, double overdue, int daysOverdue, Integer noticeDaysAgo) {
        String no = customers.create(name, false, false, false);
        customers.overdueInvoice(no, BigDecimal.valueOf(overdue), daysOverdue);
        if (noticeDaysAgo != null) {
            customers.noticeSent(no, noticeDaysAgo);
        }
        return no;
    }

    /** Every fact the suspension rules read. */
    private static List<Object> seen(SuspensionFacts f) {
        return List.of(f.getCustomerId(), f.isNeverSuspend(), f.isVip(), f.isCommercial(), f.isAlreadySuspended(), f.isKeptArrangementOpen(),
                f.isRequestedByStaff(), f.getOverdueAmount().stripTrailingZeros(), f.getDaysOverdue(), f.getGraceDays(), f.isCutTime(),
                String.valueOf(f.getNoticeSentDaysAgo()), f.getNoticeDays(), String.valueOf(f.getBrokenArrangementCutoffDaysAgo()), f.isApproved(), f.isNoticeUndelivered(),
                String.valueOf(f.getOpenSuspensionReason()), f.getReason(), f.isRequestedByAdmin(), f.isEffectiveDateReached(),
                f.getNextCutTimeText(), f.getEffectiveCutTimeText());
    }
}
