package ca.gigafibre.automation.bench;

import ca.gigafibre.automation.billing.PpaFacts;

/**
 * The decisions of {@code rules/ppa-charging.drl} written by hand in Java: the baseline the benchmark compares the
 * rule engine's throughput with (and checks the outcomes against).
 */
final class HandWrittenPpaDecision {

    private HandWrittenPpaDecision() {
    }

    static String decide(PpaFacts f) {
        if (f.getAmountDue().signum() <= 0) {
            return "NOTHING_DUE";
        }
        if (f.isInCollections()) {
            return "IN_COLLECTIONS";
        }
        String method = null;
        if (f.isStripePpa() && f.isStripeCardOnFile() && !f.isStripeCardExpired()) {
            method = "stripe";
        } else if (f.isStripePpa() && f.isStripeCardOnFile() && (!f.isPpaCard() || !f.isPaysafeTokenOnFile()) && !f.isBankPpa()) {
            return "CARD_EXPIRED";
        } else if (f.isPpaCard() && f.isPaysafeTokenOnFile()) {
            method = "paysafe";
        } else if (f.isBankPpa()) {
            method = "bank";
        }
        if (method == null) {
            return "NO_METHOD";
        }
        if (f.getPpaFixed() != null) {
            return "CHARGE";
        }
        return f.getPpaAmount() == null || f.getAmountDue().compareTo(f.getPpaAmount().add(f.getPpaAmountBuffer())) <= 0
                || f.isApprovedAboveLimit() ? "CHARGE" : "REVIEW_ABOVE_LIMIT";
    }
}
