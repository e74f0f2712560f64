package ca.gigafibre.automation.erpnext.sync;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Until the cut-over ERPNext billed: a subscription synced from it counts as billed through the month before
 * {@code automation.erpnext.cutover-period} (without one, before the month of the sync), an annual plan through the end
 * of its anniversary year that began before the cut-over (billed in advance), never past its end date — so the engine's
 * first run bills from the cut-over on, and neither bills nor credits what ERPNext billed.
 */
final class CutoverBilledThrough {

    private CutoverBilledThrough() {
    }

    /** Null when the subscription starts on or after the cut-over: the engine bills all of it. */
    static LocalDate of(String frequency, LocalDate start, LocalDate end, YearMonth cutover, LocalDate today) {
        LocalDate cut = (cutover != null ? cutover : YearMonth.from(today)).atDay(1);
        if (!start.isBefore(cut)) {
            return null;
        }
        LocalDate through = cut.minusDays(1);
        if ("annual".equals(frequency)) {
            int years = 1;
            while (start.plusYears(years).isBefore(cut)) {
                years++;
            }
            through = start.plusYears(years).minusDays(1);
        }
        return end != null && end.isBefore(through) ? end : through;
    }
}
