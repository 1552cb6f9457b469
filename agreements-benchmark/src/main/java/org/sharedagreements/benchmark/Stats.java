package org.sharedagreements.benchmark;

import java.util.Arrays;

/** Latencies of one measured run, and its rate. */
record Stats(String name, int count, double seconds, double p50Millis, double p99Millis) {

    static Stats of(String name, long[] nanos, double seconds) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Stats(name, sorted.length, seconds, percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    double perSecond() {
        return count / seconds;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(index, 0)] / 1_000_000.0;
    }
}
