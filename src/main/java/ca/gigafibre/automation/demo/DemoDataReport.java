package ca.gigafibre.automation.demo;

import java.util.Map;

/** What a synthetic load wrote: rows per table, and how long it took. */
public record DemoDataReport(double scale, long seed, boolean replaced, Map<String, Long> rows, long millis) {
}
