package ca.gigafibre.automation.platform.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * When something a customer feels may happen, in Montreal time. Messages (SMS, e-mail) go out on business days inside
 * the notification window (default 08:00–20:00). Service is cut only on a cut day (default Monday to Thursday, a
 * business day whose next day is a business day too, so nobody is cut for a weekend or a holiday) inside the cut
 * window (default 08:00–15:00, so staff can still restore service the same day). Every timer that touches a customer
 * takes its instant from here. BPMN timers reach it as {@code ${businessHours…}}: workflow.ExpressionBeans names it (platform
 * sits below workflow, so it carries no workflow marker).
 */
@Component
public class BusinessHours {

    private final BusinessCalendar calendar;
    private final LocalTime notifyFrom;
    private final LocalTime notifyUntil;
    private final Set<DayOfWeek> cutDays;
    private final LocalTime cutFrom;
    private final LocalTime cutUntil;

    public BusinessHours(BusinessCalendar calendar, NotificationWindowSettings notify, CutWindowSettings cut) {
        this.calendar = calendar;
        this.notifyFrom = notify.windowStart();
        this.notifyUntil = notify.windowEnd();
        this.cutDays = EnumSet.copyOf(cut.cutDays());
        this.cutFrom = cut.cutWindowStart();
        this.cutUntil = cut.cutWindowEnd();
    }

    public boolean isNotificationTime(OffsetDateTime at) {
        OffsetDateTime local = at.atZoneSameInstant(BusinessTime.ZONE).toOffsetDateTime();
        return calendar.isBusinessDay(local.toLocalDate()) && inside(local.toLocalTime(), notifyFrom, notifyUntil);
    }

    /** {@code from} itself when a message may go out then, else the start of the next notification window. */
    public OffsetDateTime nextNotificationTime(OffsetDateTime from) {
        return isNotificationTime(from) ? from : nextWindowStart(from, notifyFrom, this::isBusinessDay);
    }

    /** A cut day: a business day of the configured weekdays that is not the eve of a weekend or holiday. */
    public boolean isCutDay(LocalDate day) {
        return cutDays.contains(day.getDayOfWeek()) && calendar.isBusinessDay(day) && calendar.isBusinessDay(day.plusDays(1));
    }

    public boolean isCutTime(OffsetDateTime at) {
        OffsetDateTime local = at.atZoneSameInstant(BusinessTime.ZONE).toOffsetDateTime();
        return isCutDay(local.toLocalDate()) && inside(local.toLocalTime(), cutFrom, cutUntil);
    }

    /** {@code from} itself when service may be cut then, else the start of the next cut window. */
    public OffsetDateTime nextCutTime(OffsetDateTime from) {
        return isCutTime(from) ? from : nextWindowStart(from, cutFrom, this::isCutDay);
    }

    /** The engine clock's now, moved to the next notification window: the instant a timer that texts fires. */
    public Date nextNotificationDate() {
        return Date.from(nextNotificationTime(BusinessTime.now()).toInstant());
    }

    public Date nextCutDate() {
        return Date.from(nextCutTime(BusinessTime.now()).toInstant());
    }

    /** The start of tomorrow's notification window (or the next business day's): for checks repeated once a day. */
    public Date nextDayNotificationDate() {
        return notificationOn(BusinessTime.today().plusDays(1));
    }

    /**
     * {@code days} days from today at that day's first notification instant, or the next business day's: a charge retried
     * "in 3 days" from a Thursday is tried on Monday morning, never on the Sunday nor at night.
     */
    public Date notificationInDays(long days) {
        return notificationOn(BusinessTime.today().plusDays(days));
    }

    /** A date's first notification instant, e.g. "the reminder due on the 12th" goes out at 08:00 on the 12th or later. */
    public Date notificationOn(LocalDate day) {
        OffsetDateTime start = day.atTime(notifyFrom).atZone(BusinessTime.ZONE).toOffsetDateTime();
        return Date.from(nextNotificationTime(start).toInstant());
    }

    /**
     * {@code hours} of business time after {@code from}: only the notification window of business days counts (an SLA of
     * 8 business hours opened Friday at 18:00 ends Monday at 14:00).
     */
    public OffsetDateTime afterBusinessHours(OffsetDateTime from, int hours) {
        OffsetDateTime at = nextNotificationTime(from).atZoneSameInstant(BusinessTime.ZONE).toOffsetDateTime();
        java.time.Duration left = java.time.Duration.ofHours(hours);
        while (true) {
            OffsetDateTime windowEnd = at.toLocalDate().atTime(notifyUntil).atZone(BusinessTime.ZONE).toOffsetDateTime();
            java.time.Duration today = java.time.Duration.between(at, windowEnd);
            if (left.compareTo(today) <= 0) {
                return at.plus(left);
            }
            left = left.minus(today);
            at = nextNotificationTime(windowEnd.plusSeconds(1)).atZoneSameInstant(BusinessTime.ZONE).toOffsetDateTime();
        }
    }

    /** A date's first cut instant: 08:00 on the day when it is a cut day, else the next cut window. */
    public Date cutOn(LocalDate day) {
        OffsetDateTime start = day.atTime(cutFrom).atZone(BusinessTime.ZONE).toOffsetDateTime();
        return Date.from(nextCutTime(start).toInstant());
    }

    private boolean isBusinessDay(LocalDate day) {
        return calendar.isBusinessDay(day);
    }

    private static boolean inside(LocalTime time, LocalTime from, LocalTime until) {
        return !time.isBefore(from) && time.isBefore(until);
    }

    private static OffsetDateTime nextWindowStart(OffsetDateTime from, LocalTime windowStart, java.util.function.Predicate<LocalDate> open) {
        OffsetDateTime local = from.atZoneSameInstant(BusinessTime.ZONE).toOffsetDateTime();
        LocalDate day = local.toLocalTime().isBefore(windowStart) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        for (int i = 0; i < 366; i++, day = day.plusDays(1)) {
            if (open.test(day)) {
                return day.atTime(windowStart).atZone(BusinessTime.ZONE).toOffsetDateTime();
            }
        }
        throw new IllegalStateException("No window in the coming year: check automation.collections.cut-days and automation.calendar.extra-days");
    }
}
