package ca.gigafibre.automation.platform.security.login;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Wrong logins per client address, on this node: a client with {@code maxFailures} of them within {@code window} is
 * refused until the oldest of those is older than the window. It slows a password guesser down per address, whichever
 * accounts it tries, without locking anyone else out. The engine clock (Camunda's, as the account lock) keeps time.
 */
class LoginThrottle {

    /** Forget clients without a recent failure once this many are remembered, so a scan of addresses stays small. */
    private static final int PRUNE_ABOVE = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(int maxFailures, Duration window) {
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** When the client may try again, or empty when it may now. */
    Optional<Instant> refusedUntil(String client) {
        Deque<Instant> times = failures.get(client);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            dropOld(times, now());
            return times.size() >= maxFailures ? Optional.of(times.peekFirst().plus(window)) : Optional.empty();
        }
    }

    void failed(String client) {
        if (failures.size() > PRUNE_ABOVE) {
            prune();
        }
        Deque<Instant> times = failures.computeIfAbsent(client, c -> new ArrayDeque<>());
        synchronized (times) {
            Instant now = now();
            dropOld(times, now);
            times.addLast(now);
            while (times.size() > maxFailures) {
                times.removeFirst();
            }
        }
    }

    private void prune() {
        Instant now = now();
        failures.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                dropOld(entry.getValue(), now);
                return entry.getValue().isEmpty();
            }
        });
    }

    private void dropOld(Deque<Instant> times, Instant now) {
        Instant oldestKept = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(oldestKept)) {
            times.removeFirst();
        }
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
