package ca.gigafibre.automation.bench.live;

/**
 * One row of BENCHMARKS.md: what was measured, its value, the anchor measured in the same run (or "—"), their ratio,
 * the target and whether it is met ("yes", "no", or "—" when there is no target or no figure).
 */
record Figure(String name, String value, String anchor, String ratio, String target, String met, String notes) {

    static Figure notAvailable(String name, String target, String why) {
        return new Figure(name, "n/a", "—", "—", target, "—", why);
    }

    static String met(boolean met) {
        return met ? "yes" : "no";
    }
}
