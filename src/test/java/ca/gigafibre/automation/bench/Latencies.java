package ca.gigafibre.automation.bench;

import java.util.Arrays;
import java.util.function.IntConsumer;

/** Wall time of repeated calls, as percentiles: the figures benchmarks print (never asserted). */
final class Latencies {

    private final long[] nanos;

    private Latencies(long[] nanos) {
        this.nanos = nanos;
        Arrays.sort(this.nanos);
    }

    /** Times {@code calls} calls of {@code call(i)} after {@code warmUp} untimed ones. */
    static Latencies of(int warmUp, int calls, IntConsumer call) {
        for (int i = 0; i < warmUp; i++) {
            call.accept(i);
        }
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            long started = System.nanoTime();
            call.accept(i);
            nanos[i] = System.nanoTime() - started;
        }
        return new Latencies(nanos);
    }

    double percentileMillis(double p) {
        int index = (int) Math.ceil(p / 100.0 * nanos.length) - 1;
        return nanos[Math.max(0, Math.min(nanos.length - 1, index))] / 1e6;
    }

    String summary() {
        return String.format("n=%d p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", nanos.length, percentileMillis(50),
                percentileMillis(95), percentileMillis(99), nanos[nanos.length - 1] / 1e6);
    }
}
