package ca.gigafibre.automation.collections;

/** One sweep: accounts evaluated, and what was out of step and is now handled. */
public record SweepResult(long id, int accounts, int paymentsCorrelated, int casesOpened, int casesCleared, int reactivationsStarted,
                          long millis) {
}
