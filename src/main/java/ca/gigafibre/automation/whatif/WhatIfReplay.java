package ca.gigafibre.automation.whatif;

import ca.gigafibre.automation.billing.PpaFacts;
import ca.gigafibre.automation.billing.ppa.PpaFactsLoader;
import ca.gigafibre.automation.billing.ppa.PpaHistory;
import ca.gigafibre.automation.collections.suspension.SuspensionHistory;
import ca.gigafibre.automation.platform.error.MalformedRequestException;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.rules.DecisionResult;
import ca.gigafibre.automation.rules.RuleDecisions;
import ca.gigafibre.automation.rules.RuleSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replays the last months' decisions with the rules and parameters in force and with the candidate ones, and reports the
 * accounts whose decision changes. The facts are those the engine's loaders read, rebuilt per past day by a few set-based
 * reads ({@link SuspensionHistory}, {@link PpaHistory}); the decisions are taken by the same {@link RuleDecisions} the engine
 * uses, one stateless session per day (suspensions) or per batch of invoices (charges), the candidate in a KieBase of its own.
 * Read only: one read-only, repeatable-read transaction (the database refuses any write), nothing deployed, nothing recorded.
 */
@Service
public class WhatIfReplay {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WhatIfReplay.class);

    static final int MAX_MONTHS = 36;
    private static final String SUSPENSION = "suspension";
    private static final String CHARGE = "ppa-charging";
    private static final String REMINDERS = "overdue-reminders";

    private final SuspensionHistory suspensions;
    private final PpaHistory charges;
    private final RuleDecisions decisions;
    private final CandidateRules rules;
    private final CandidateReminders reminders;
    private final WhatIfParameters parameters;
    /** Invoices (or accounts of one day) per stateless session: large enough to amortise the session, small enough for memory. */
    private final int batchSize = 5000;

    public WhatIfReplay(SuspensionHistory suspensions, PpaHistory charges, RuleDecisions decisions, CandidateRules rules,
                        CandidateReminders reminders, WhatIfParameters parameters) {
        this.suspensions = suspensions;
        this.charges = charges;
        this.decisions = decisions;
        this.rules = rules;
        this.reminders = reminders;
        this.parameters = parameters;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public WhatIfReport replay(WhatIfRequest request) {
        long started = System.nanoTime();
        int months = request.months() == null ? 12 : request.months();
        if (months < 1 || months > MAX_MONTHS) {
            throw new MalformedRequestException("months", "must be from 1 to " + MAX_MONTHS);
        }
        WhatIfParameters.Scenario scenario = parameters.scenario(request.parametersOrNone());
        RuleSet running = rules.running();
        RuleSet candidate = rules.compile(request.rulesOrNone());
        CandidateReminders.Table deployedTable = reminders.deployed();
        CandidateReminders.Table candidateTable = reminders.candidate(request.dmnOrNone(), deployedTable);
        LocalDate to = BusinessTime.today();
        LocalDate from = to.minusMonths(months);
        List<String> only = request.customersOrAll();

        Changes changes = new Changes();
        Map<String, Integer> replayed = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        Map<Long, SuspensionHistory.Ledger> ledgers = suspensions.read(from, to, only);
        long t1 = System.nanoTime();
        replayed.put(SUSPENSION, replaySuspensions(ledgers, from, to, scenario, running, candidate, changes));
        long t2 = System.nanoTime();
        List<PpaFactsLoader.Loaded> invoices = charges.read(from, to, only, scenario.currentBankNoticeDays());
        long t3 = System.nanoTime();
        replayed.put(CHARGE, replayCharges(invoices, scenario, running, candidate, changes));
        long t4 = System.nanoTime();
        replayed.put(REMINDERS, replayReminders(ledgers, from, to, deployedTable, candidateTable, changes));
        long t5 = System.nanoTime();
        log.info("What-if replay {} → {}: {} ledgers read in {} ms, suspensions replayed in {} ms, {} invoices read in {} ms and replayed in {} ms,"
                + " reminders in {} ms", from, to, ledgers.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, invoices.size(),
                (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000, (t5 - t4) / 1_000_000);

        List<Bilingual> asked = new ArrayList<>(scenario.changes());
        request.rulesOrNone().keySet().stream().sorted().forEach(file -> asked.add(new Bilingual(file + " candidat", "candidate " + file)));
        request.dmnOrNone().keySet().forEach(file -> asked.add(new Bilingual(file + " candidat", "candidate " + file)));
        List<AccountChange> accounts = changes.accounts(names(changes.unnamed(ledgers), ledgers));
        return new WhatIfReport(from, to, asked, running.version(), candidate.version(), replayed, ChangeSentences.groups(accounts, asked),
                accounts, parameters.allowed(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Every account's facts of every day, several days of many accounts per stateless session (the subject names the day). */
    private int replaySuspensions(Map<Long, SuspensionHistory.Ledger> ledgers, LocalDate from, LocalDate to,
                                  WhatIfParameters.Scenario scenario, RuleSet running, RuleSet candidate, Changes changes) {
        boolean sameParameters = scenario.currentSuspension().equals(scenario.candidateSuspension());
        List<SuspensionHistory.OnDay> before = new ArrayList<>();
        List<SuspensionHistory.OnDay> after = new ArrayList<>();
        Map<String, SuspensionHistory.Ledger> whose = new HashMap<>();
        int count = 0;
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            SuspensionHistory.Day day = suspensions.day(date);
            for (SuspensionHistory.Ledger ledger : ledgers.values()) {
                SuspensionHistory.OnDay facts = suspensions.factsOn(ledger, day, scenario.currentSuspension());
                if (facts != null) {
                    before.add(facts);
                    after.add(sameParameters ? facts : suspensions.factsOn(ledger, day, scenario.candidateSuspension()));
                    whose.put(facts.getSubject(), ledger);
                }
            }
            if (before.size() >= batchSize || date.equals(to)) {
                Map<String, DecisionResult> decidedBefore = decisions.decideAll(running, SUSPENSION, before);
                Map<String, DecisionResult> decidedAfter = decisions.decideAll(candidate, SUSPENSION, after);
                for (SuspensionHistory.OnDay facts : before) {
                    String subject = facts.getSubject();
                    changes.compare(SUSPENSION, whose.get(subject).account().id(), facts.day(), facts.getCustomerId(),
                            decidedBefore.get(subject), decidedAfter.get(subject));
                }
                count += before.size();
                before.clear();
                after.clear();
                whose.clear();
            }
        }
        return count;
    }

    private int replayCharges(List<PpaFactsLoader.Loaded> rows, WhatIfParameters.Scenario scenario, RuleSet running, RuleSet candidate,
                              Changes changes) {
        for (int i = 0; i < rows.size(); i += batchSize) {
            List<PpaFactsLoader.Loaded> batch = rows.subList(i, Math.min(rows.size(), i + batchSize));
            List<PpaFacts> before = batch.stream().map(PpaFactsLoader.Loaded::facts).toList();
            List<PpaFacts> after = batch.stream().map(r -> charges.asIf(r.facts(), scenario.candidateBankNoticeDays(), scenario.bufferForAll())).toList();
            Map<String, PpaFactsLoader.Loaded> byInvoice = new HashMap<>();
            batch.forEach(r -> byInvoice.put(r.facts().getInvoiceId(), r));
            Map<String, DecisionResult> decidedBefore = decisions.decideAll(running, CHARGE, before);
            Map<String, DecisionResult> decidedAfter = decisions.decideAll(candidate, CHARGE, after);
            for (Map.Entry<String, DecisionResult> b : decidedBefore.entrySet()) {
                PpaFactsLoader.Loaded row = byInvoice.get(b.getKey());
                changes.compare(CHARGE, row.customerId(), row.facts().getIssueDate(), b.getKey(), b.getValue(), decidedAfter.get(b.getKey()));
            }
        }
        return rows.size();
    }

    private int replayReminders(Map<Long, SuspensionHistory.Ledger> ledgers, LocalDate from, LocalDate to,
                                CandidateReminders.Table deployed, CandidateReminders.Table candidate, Changes changes) {
        Map<Boolean, CandidateReminders.Verdict> before = Map.of(false, deployed.decide(false), true, deployed.decide(true));
        Map<Boolean, CandidateReminders.Verdict> after = Map.of(false, candidate.decide(false), true, candidate.decide(true));
        int count = 0;
        for (SuspensionHistory.Ledger ledger : ledgers.values()) {
            LocalDate overdue = ledger.firstOverdueDay(from, to);
            if (overdue == null) {
                continue;
            }
            count++;
            boolean commercial = ledger.account().commercial();
            CandidateReminders.Verdict b = before.get(commercial);
            CandidateReminders.Verdict a = after.get(commercial);
            if (!b.outcome().equals(a.outcome())) {
                changes.record(REMINDERS, ledger.account().id(), overdue, ledger.account().customerNo(), b.outcome(), a.outcome(),
                        b.rulesFired(), a.rulesFired(), null, null);
            }
        }
        return count;
    }

    /** Names and flags of the accounts that changed: from their ledger, else read (charges of accounts never overdue). */
    private Map<Long, SuspensionHistory.Account> names(List<Long> unnamed, Map<Long, SuspensionHistory.Ledger> ledgers) {
        Map<Long, SuspensionHistory.Account> accounts = new HashMap<>(suspensions.accounts(unnamed));
        ledgers.forEach((id, ledger) -> accounts.put(id, ledger.account()));
        return accounts;
    }

    /** The first differing decision of each account and kind, and how many of its decisions differ. */
    private static final class Changes {

        private record Key(String kind, long account) {
        }

        private static final class First {
            final LocalDate on;
            final String subject;
            final String before;
            final String after;
            final List<String> rulesBefore;
            final List<String> rulesAfter;
            final String explanationBefore;
            final String explanationAfter;
            int count = 1;

            First(LocalDate on, String subject, String before, String after, List<String> rulesBefore, List<String> rulesAfter,
                  String explanationBefore, String explanationAfter) {
                this.on = on;
                this.subject = subject;
                this.before = before;
                this.after = after;
                this.rulesBefore = rulesBefore;
                this.rulesAfter = rulesAfter;
                this.explanationBefore = explanationBefore;
                this.explanationAfter = explanationAfter;
            }
        }

        private final Map<Key, First> firsts = new LinkedHashMap<>();

        void compare(String kind, long account, LocalDate on, String subject, DecisionResult before, DecisionResult after) {
            if (!Objects.equals(before.outcome(), after.outcome()) || !before.values().equals(after.values())) {
                record(kind, account, on, subject, before.outcome(), after.outcome(), before.rulesFired(), after.rulesFired(),
                        before.explanation(), after.explanation());
            }
        }

        void record(String kind, long account, LocalDate on, String subject, String before, String after, List<String> rulesBefore,
                    List<String> rulesAfter, String explanationBefore, String explanationAfter) {
            First first = firsts.get(new Key(kind, account));
            if (first == null) {
                firsts.put(new Key(kind, account), new First(on, subject, before, after, rulesBefore, rulesAfter, explanationBefore, explanationAfter));
            } else {
                first.count++;
            }
        }

        List<Long> unnamed(Map<Long, SuspensionHistory.Ledger> ledgers) {
            return firsts.keySet().stream().map(Key::account).filter(id -> !ledgers.containsKey(id)).distinct().toList();
        }

        List<AccountChange> accounts(Map<Long, SuspensionHistory.Account> names) {
            return firsts.entrySet().stream().map(e -> {
                SuspensionHistory.Account account = names.get(e.getKey().account());
                First f = e.getValue();
                return new AccountChange(e.getKey().kind(), account.customerNo(), account.name(), account.commercial(), f.on, f.subject,
                        f.before, f.after, f.rulesBefore, f.rulesAfter, f.explanationBefore, f.explanationAfter, f.count);
            }).sorted(Comparator.comparing(AccountChange::kind).thenComparing(AccountChange::on).thenComparing(AccountChange::customerId)).toList();
        }
    }
}
