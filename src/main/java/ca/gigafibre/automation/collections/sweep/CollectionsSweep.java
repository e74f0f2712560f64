package ca.gigafibre.automation.collections.sweep;

import ca.gigafibre.automation.billing.payment.PaymentService;
import ca.gigafibre.automation.collections.CollectionsCaseFacts;
import ca.gigafibre.automation.collections.CollectionsSettings;
import ca.gigafibre.automation.collections.arrangement.ArrangementFactsLoader;
import ca.gigafibre.automation.collections.arrangement.ArrangementJudge;
import ca.gigafibre.automation.collections.casework.CollectionsCaseDecisions;
import ca.gigafibre.automation.collections.casework.CollectionsCaseFactsLoader;
import ca.gigafibre.automation.collections.reactivation.ReactivationStarter;
import ca.gigafibre.automation.collections.suspension.ServiceChanges;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The safety net behind the processes, nightly or on demand. Page by page, each page in one short transaction:
 * invoices paid elsewhere whose process still waits hear {@code PaymentReceived}; every active or suspended account is
 * asked {@code rules/collections-case.drl} (overdue without a case → the case opens; a case with nothing overdue →
 * cleared); a suspended account without a case whose overdue balance is cleared is reactivated when
 * {@code rules/reactivation.drl} says so; every open arrangement whose due or cutoff date has passed is judged by
 * {@code rules/arrangement-cutoff.drl}, with a case or without. It never starts a suspension: cases do. Running it twice
 * in a row does nothing the second time. One account whose step throws (bad data, a process that cannot start) never
 * stops the sweep: its page is done again account by account, each in its own transaction, and the one that fails is
 * logged and counted in {@code accountsFailed}, left for the next sweep.
 */
@Service
public class CollectionsSweep {

    private static final Logger log = LoggerFactory.getLogger(CollectionsSweep.class);

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;
    private final CollectionsCaseFactsLoader caseFacts;
    private final CollectionsCaseDecisions caseDecisions;
    private final ReactivationStarter reactivation;
    private final ServiceChanges changes;
    private final ArrangementJudge arrangements;
    private final int pageSize;

    public CollectionsSweep(JdbcClient jdbc, RuntimeService runtime, TransactionTemplate transaction, CollectionsCaseFactsLoader caseFacts,
                            CollectionsCaseDecisions caseDecisions, ReactivationStarter reactivation,
                            ServiceChanges changes, ArrangementJudge arrangements,
                            CollectionsSettings settings) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.transaction = transaction;
        this.caseFacts = caseFacts;
        this.caseDecisions = caseDecisions;
        this.reactivation = reactivation;
        this.changes = changes;
        this.arrangements = arrangements;
        this.pageSize = settings.sweepPageSize();
    }

    public SweepResult run() {
        long started = System.nanoTime();
        long sweepId = jdbc.sql("INSERT INTO automation.collections_sweep DEFAULT VALUES RETURNING id").query(Long.class).single();
        int correlated = correlatePaidInvoices();
        Judged arrangementsJudged = judgeDueArrangements(sweepId);
        int accounts = 0;
        int opened = 0;
        int cleared = 0;
        int reactivations = 0;
        int failed = arrangementsJudged.failed;
        long after = 0;
        while (true) {
            List<CollectionsCaseFacts> page = caseFacts.page(after, pageSize);
            if (page.isEmpty()) {
                break;
            }
            Page done = sweepPage(sweepId, page);
            accounts += page.size();
            opened += done.opened();
            cleared += done.cleared();
            reactivations += done.reactivations();
            failed += done.failed();
            after = page.get(page.size() - 1).id();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        jdbc.sql("""
                UPDATE automation.collections_sweep SET finished_at = now(), accounts = :accounts, payments_correlated = :correlated,
                    reactivations = :reactivations, cases_opened = :opened, cases_cleared = :cleared, accounts_failed = :failed WHERE id = :id
                """).param("accounts", accounts).param("correlated", correlated).param("reactivations", reactivations)
                .param("opened", opened).param("cleared", cleared).param("failed", failed).param("id", sweepId).update();
        log.info("Collections sweep #{}: {} accounts ({} failed), {} payments correlated, {} arrangements judged, {} cases opened, {} cleared,"
                + " {} reactivations started, in {} ms", sweepId, accounts, failed, correlated, arrangementsJudged.judged, opened, cleared, reactivations, millis);
        return new SweepResult(sweepId, accounts, correlated, arrangementsJudged.judged, opened, cleared, reactivations, millis, failed);
    }

    private record Page(int opened, int cleared, int reactivations, int failed) {

        Page plus(Page other) {
            return new Page(opened + other.opened, cleared + other.cleared, reactivations + other.reactivations, failed + other.failed);
        }
    }

    /** The page in one short transaction; if it throws, its accounts one by one, so only the broken one is left out. */
    private Page sweepPage(long sweepId, List<CollectionsCaseFacts> page) {
        try {
            return transaction.execute(tx -> sweepAccounts(page));
        } catch (RuntimeException pageFailed) {
            Page done = new Page(0, 0, 0, 0);
            for (CollectionsCaseFacts account : page) {
                try {
                    done = done.plus(transaction.execute(tx -> sweepAccounts(List.of(account))));
                } catch (RuntimeException e) {
                    log.error("Collections sweep #{}: account {} failed and is left for the next sweep", sweepId, account.getCustomerId(), e);
                    done = done.plus(new Page(0, 0, 0, 1));
                }
            }
            return done;
        }
    }

    private Page sweepAccounts(List<CollectionsCaseFacts> accounts) {
        CollectionsCaseDecisions.Acted acted = caseDecisions.decideAndAct(accounts, "sweep");
        int reactivations = reactivateClearedAccounts(accounts);
        return new Page(acted.opened(), acted.cleared(), reactivations, 0);
    }

    /** Suspended, no case (a case reactivates its own account), nothing overdue, nothing in flight. */
    private int reactivateClearedAccounts(List<CollectionsCaseFacts> page) {
        List<CollectionsCaseFacts> candidates = page.stream()
                .filter(f -> f.isSuspended() && !f.isCaseOpen() && f.getOverdueBalance().signum() <= 0 && !changes.inFlight(f.id())).toList();
        int started = 0;
        for (CollectionsCaseFacts account : candidates) {
            started += reactivation.startIfDecided(account.customer(), "sweep", "sweep: overdue balance cleared",
                    ReactivationStarter.Logged.REACTIVATIONS_ONLY) ? 1 : 0;
        }
        return started;
    }

    /** Open arrangements past their due or cutoff date, with or without a case: each in its own short transaction. */
    private Judged judgeDueArrangements(long sweepId) {
        Judged judged = new Judged();
        long after = 0;
        List<ArrangementFactsLoader.Ref> page;
        while (!(page = arrangements.duePage(after, pageSize)).isEmpty()) {
            for (ArrangementFactsLoader.Ref due : page) {
                try {
                    arrangements.judgeDue(due.number());
                    judged.judged++;
                } catch (RuntimeException e) {
                    log.error("Collections sweep #{}: arrangement {} could not be judged and is left for the next sweep", sweepId, due.number(), e);
                    judged.failed++;
                }
                after = due.id();
            }
        }
        return judged;
    }

    private static final class Judged {
        int judged;
        int failed;
    }

    /** Paid elsewhere (cheque entered in the legacy system, ERP sync ...) while the invoice's process still waits. */
    private int correlatePaidInvoices() {
        int correlated = 0;
        int offset = 0;
        while (true) {
            List<EventSubscription> waiting = runtime.createEventSubscriptionQuery().eventType("message")
                    .eventName(PaymentService.PAYMENT_RECEIVED).orderByCreated().asc().listPage(offset, pageSize);
            if (waiting.isEmpty()) {
                return correlated;
            }
            List<String> instances = waiting.stream().map(EventSubscription::getProcessInstanceId).distinct().toList();
            List<String> keys = new ArrayList<>();
            runtime.createProcessInstanceQuery().processInstanceIds(new java.util.HashSet<>(instances)).listPage(0, instances.size())
                    .forEach(i -> keys.add(i.getBusinessKey()));
            List<String> paid = jdbc.sql("SELECT invoice_no FROM automation.invoice WHERE status = 'paid' AND invoice_no IN (:keys)")
                    .param("keys", keys).query(String.class).list();
            int done = transaction.execute(tx -> {
                int n = 0;
                for (String invoice : paid) {
                    n += runtime.createMessageCorrelation(PaymentService.PAYMENT_RECEIVED).processInstanceBusinessKey(invoice)
                            .correlateAllWithResult().size();
                }
                return n;
            });
            correlated += done;
            offset += waiting.size() - done;   // correlated subscriptions are gone from the list
            if (waiting.size() < pageSize) {
                return correlated;
            }
        }
    }
}
