package ca.gigafibre.automation.collections.arrangement;

import ca.gigafibre.automation.rules.DecisionResult;
import ca.gigafibre.automation.rules.RecordedDecisions;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts {@code rules/arrangement-cutoff.drl} in force: judges an arrangement on its raw facts, logs the decision, and
 * ends it as the rules say (KEPT → {@code kept}; BROKEN or CUTOFF_DUE → {@code broken}; PENDING leaves it open). An
 * ended arrangement is never reopened or changed, so judging twice (the case and the sweep at the same due date) is
 * harmless.
 */
@Service
public class ArrangementJudge {

    private static final Logger log = LoggerFactory.getLogger(ArrangementJudge.class);

    private final ArrangementFactsLoader facts;
    private final RecordedDecisions decisions;
    private final JdbcClient jdbc;

    public ArrangementJudge(ArrangementFactsLoader facts, RecordedDecisions decisions,
                            JdbcClient jdbc) {
        this.facts = facts;
        this.decisions = decisions;
        this.jdbc = jdbc;
    }

    /** Kept, pending, broken or cutoff due, as of today. */
    @Transactional
    public DecisionResult judge(String arrangementNo, String processInstanceId) {
        return judge(arrangementNo, false, processInstanceId);
    }

    /** Every arrangement of the account still open (the case closes: cleared, or written off). */
    @Transactional
    public void judgeOpenOf(long customerId, boolean balanceWrittenOff, String processInstanceId) {
        for (String no : facts.openOf(customerId)) {
            judge(no, balanceWrittenOff, processInstanceId);
        }
    }

    /** One page of open arrangements whose due or cutoff date has passed, wherever their account is, after {@code afterId}. */
    public List<ArrangementFactsLoader.Ref> duePage(long afterId, int pageSize) {
        return facts.openAndDue(afterId, pageSize);
    }

    /** One arrangement whose due or cutoff date has passed, in a transaction of its own (the sweep goes on if it fails). */
    @Transactional
    public void judgeDue(String arrangementNo) {
        judge(arrangementNo, false, null);
    }

    private DecisionResult judge(String arrangementNo, boolean balanceWrittenOff, String processInstanceId) {
        ArrangementFactsLoader.Loaded loaded = facts.load(arrangementNo, balanceWrittenOff);
        DecisionResult result = decisions.decide("arrangement", loaded.facts(), loaded.customerId(), arrangementNo, processInstanceId);
        String ended = switch (result.outcome()) {
            case "KEPT" -> "kept";
            case "BROKEN", "CUTOFF_DUE" -> "broken";
            default -> null;
        };
        if (ended != null && jdbc.sql("""
                UPDATE automation.payment_arrangement SET status = :status WHERE arrangement_no = :no AND status = 'open'
                """).param("status", ended).param("no", arrangementNo).update() == 1) {
            log.info("Arrangement {} ended {}: {}", arrangementNo, ended, result.explanationEn());
        }
        return result;
    }
}
