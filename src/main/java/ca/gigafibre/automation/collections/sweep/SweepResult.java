package ca.gigafibre.automation.collections.sweep;

/**
 * One sweep: accounts evaluated, and what was out of step and is now handled; {@code arrangementsJudged}: open
 * arrangements past their due or cutoff date that the rules judged; {@code accountsFailed}: accounts (or arrangements)
 * whose step threw (logged, left for the next sweep) while the others went on.
 */
public record SweepResult(long id, int accounts, int paymentsCorrelated, int arrangementsJudged, int casesOpened, int casesCleared,
                          int reactivationsStarted, long millis, int accountsFailed) {
}
