package ca.gigafibre.automation.erpnext.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.erpnext.ErpNextSettings;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One job run drains what it can: passes follow each other while they send, and stop when ERPNext answers "later". */
class OutboxRelayJobTest {

    private static final ErpNextSettings ON = new ErpNextSettings(true, null, null, null, 0, null, null);

    /** A relay whose passes answer as scripted, counting how many ran. */
    static final class ScriptedRelay extends OutboxRelay {
        final Deque<Result> passes;
        int ran;

        ScriptedRelay(List<Result> passes) {
            super(null, null);
            this.passes = new ArrayDeque<>(passes);
        }

        @Override
        public Result run() {
            ran++;
            return passes.isEmpty() ? new Result(0, 0, 0, 0) : passes.poll();
        }
    }

    @Test
    void passesFollowEachOtherWhileTheySendAndStopAtTheFirstThatSendsNothing() {
        ScriptedRelay relay = new ScriptedRelay(List.of(new OutboxRelay.Result(1000, 0, 0, 0), new OutboxRelay.Result(1000, 0, 0, 0),
                new OutboxRelay.Result(681, 0, 0, 0), new OutboxRelay.Result(0, 3, 0, 0)));

        new OutboxRelayJob(relay, ON).executeInternal(null);

        assertThat(relay.ran).isEqualTo(4);
    }

    @Test
    void erpNextAnsweringLaterEndsTheRunUntilTheNextInterval() {
        ScriptedRelay relay = new ScriptedRelay(List.of(new OutboxRelay.Result(400, 0, 1, 0), new OutboxRelay.Result(1000, 0, 0, 0)));

        new OutboxRelayJob(relay, ON).executeInternal(null);

        assertThat(relay.ran).isEqualTo(1);
    }

    @Test
    void switchedOffItRunsNoPass() {
        ScriptedRelay relay = new ScriptedRelay(List.of(new OutboxRelay.Result(1000, 0, 0, 0)));

        new OutboxRelayJob(relay, new ErpNextSettings(false, null, null, null, 0, null, null)).executeInternal(null);

        assertThat(relay.ran).isZero();
    }
}
