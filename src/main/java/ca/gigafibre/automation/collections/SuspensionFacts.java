package ca.gigafibre.automation.collections;

import java.math.BigDecimal;

/**
 * What {@code rules/suspension.drl} sees about one account. Plain getters (not a record) so DRL constraints
 * read naturally: {@code SuspensionFacts(neverSuspend)}.
 */
public class SuspensionFacts implements ca.gigafibre.automation.rules.DecisionFacts {

    private final String customerId;
    private final boolean neverSuspend;
    private final boolean vip;
    private final boolean commercial;
    private final boolean alreadySuspended;
    private final boolean keptArrangementOpen;
    private final boolean requestedByStaff;
    private final BigDecimal overdueAmount;
    private final int daysOverdue;
    private final int graceDays;
    private final boolean cutTime;
    private final java.time.OffsetDateTime nextCutTime;
    private final boolean approved;
    private final Integer noticeSentDaysAgo;
    private final int noticeDays;
    private final Integer brokenArrangementCutoffDaysAgo;
    // what was asked (staff requests); defaults are those of a collections suspension
    private String reason = SuspensionReason.NON_PAYMENT.code();
    private boolean requestedByAdmin;
    private boolean effectiveDateReached = true;
    private java.time.OffsetDateTime effectiveCutTime;
    private boolean noticeUndelivered;
    private String openSuspensionReason;

    public SuspensionFacts(String customerId, boolean neverSuspend, boolean vip, boolean commercial, boolean alreadySuspended,
                           boolean keptArrangementOpen, boolean requestedByStaff, BigDecimal overdueAmount, int daysOverdue,
                           int graceDays, boolean cutTime, java.time.OffsetDateTime nextCutTime, Integer noticeSentDaysAgo,
                           int noticeDays, Integer brokenArrangementCutoffDaysAgo, boolean approved) {
        this.customerId = customerId;
        this.neverSuspend = neverSuspend;
        this.vip = vip;
        this.commercial = commercial;
        this.alreadySuspended = alreadySuspended;
        this.keptArrangementOpen = keptArrangementOpen;
        this.requestedByStaff = requestedByStaff;
        this.overdueAmount = overdueAmount;
        this.daysOverdue = daysOverdue;
        this.graceDays = graceDays;
        this.cutTime = cutTime;
        this.nextCutTime = nextCutTime;
        this.approved = approved;
        this.noticeSentDaysAgo = noticeSentDaysAgo;
        this.noticeDays = noticeDays;
        this.brokenArrangementCutoffDaysAgo = brokenArrangementCutoffDaysAgo;
    }

    /**
     * What staff asked: the reason, whether an administrator asked, and for a request with a date whether that date has come
     * and the first cut instant on or after it.
     */
    public SuspensionFacts asked(String reason, boolean requestedByAdmin, boolean effectiveDateReached, java.time.OffsetDateTime effectiveCutTime) {
        this.reason = reason == null ? SuspensionReason.NON_PAYMENT.code() : reason;
        this.requestedByAdmin = requestedByAdmin;
        this.effectiveDateReached = effectiveDateReached;
        this.effectiveCutTime = effectiveCutTime;
        return this;
    }

    /** A cutoff notice went out in this episode but did not reach the customer (no channel, failed, undelivered, or no word yet). */
    public SuspensionFacts noticeUndelivered(boolean undelivered) {
        this.noticeUndelivered = undelivered;
        return this;
    }

    /** The reason of the suspension in force, if the account is already suspended (null otherwise). */
    public SuspensionFacts openSuspensionReason(String reason) {
        this.openSuspensionReason = reason;
        return this;
    }

    public String getOpenSuspensionReason() {
        return openSuspensionReason;
    }

    /** non-payment, customer-request, abuse or fraud ({@link SuspensionReason}). */
    public String getReason() {
        return reason;
    }

    public boolean isRequestedByAdmin() {
        return requestedByAdmin;
    }

    /** The day a customer's request takes effect has come (always true without a date). */
    public boolean isEffectiveDateReached() {
        return effectiveDateReached;
    }

    /** The first cut instant on or after the requested date (or now). */
    public java.time.OffsetDateTime getEffectiveCutTime() {
        return effectiveCutTime == null ? nextCutTime : effectiveCutTime;
    }

    public String getEffectiveCutTimeText() {
        return getEffectiveCutTime().format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    }

    /** The last cutoff notice of this episode has not been delivered: it is not a notice. */
    public boolean isNoticeUndelivered() {
        return noticeUndelivered;
    }

    /** Days since the cutoff date of the account's latest broken arrangement whose cutoff has come; null when none. */
    public Integer getBrokenArrangementCutoffDaysAgo() {
        return brokenArrangementCutoffDaysAgo;
    }

    /** Now is a cut day inside the cut window (platform.time.BusinessHours). */
    public boolean isCutTime() {
        return cutTime;
    }

    /** The start of the next cut window, Montreal time. */
    public java.time.OffsetDateTime getNextCutTime() {
        return nextCutTime;
    }

    /** "2026-11-30 08:00", for the people who read the decision. */
    public String getNextCutTimeText() {
        return nextCutTime.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    }

    /** A person approved the suspension of this flagged (VIP/commercial) account. */
    public boolean isApproved() {
        return approved;
    }

    public Integer getNoticeSentDaysAgo() {
        return noticeSentDaysAgo;
    }

    public int getNoticeDays() {
        return noticeDays;
    }

    @Override
    public String getSubject() {
        return customerId;
    }

    public String getCustomerId() {
        return customerId;
    }

    public boolean isNeverSuspend() {
        return neverSuspend;
    }

    public boolean isVip() {
        return vip;
    }

    public boolean isCommercial() {
        return commercial;
    }

    public boolean isAlreadySuspended() {
        return alreadySuspended;
    }

    public boolean isKeptArrangementOpen() {
        return keptArrangementOpen;
    }

    public boolean isRequestedByStaff() {
        return requestedByStaff;
    }

    public BigDecimal getOverdueAmount() {
        return overdueAmount;
    }

    public int getDaysOverdue() {
        return daysOverdue;
    }

    public int getGraceDays() {
        return graceDays;
    }

    @Override
    public String toString() {
        return "SuspensionFacts[" + customerId + ", " + reason + ", overdue " + overdueAmount + " for " + daysOverdue + " d]";
    }
}
