package ca.gigafibre.automation.bench.live;

import java.util.Arrays;

/** Samples of one kind of request, in nanoseconds: the median and the 95th percentile in milliseconds. */
final class Latency {

    private final long[] nanos;
    private int size;

    Latency(int capacity) {
        nanos = new long[capacity];
    }

    void add(long sample) {
        nanos[size++] = sample;
    }

    int size() {
        return size;
    }

    double p50() {
        return percentile(0.50);
    }

    double p95() {
        return percentile(0.95);
    }

    /** Nearest-rank percentile, in ms. */
    private double percentile(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p * size) - 1;
        return sorted[Math.max(0, rank)] / 1e6;
    }

    @Override
    public String toString() {
        return String.format("p50 %.1f ms, p95 %.1f ms (%,d requests)", p50(), p95(), size);
    }
}
