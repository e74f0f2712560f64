package ca.gigafibre.automation.collections.sweep;

/**
 * One sweep: accounts evaluated, and what was out of step and is now handled; {@code accountsFailed}: accounts whose step
 * threw (logged, left for the next sweep) while the others went on.
 */
public record SweepResult(long id, int accounts, int paymentsCorrelated, int casesOpened, int casesCleared, int reactivationsStarted,
                          long millis, int accountsFailed) {
}
