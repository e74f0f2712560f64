package ca.gigafibre.automation.provisioning.deactivation;

import ca.gigafibre.automation.platform.time.BusinessHours;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.provisioning.ProvisioningSettings;
import java.time.LocalDate;
import java.time.Period;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The deactivation's clock, for the BPMN ({@code ${deactivationSettings.startOn(endDate)}}): a cancelled service goes off
 * on its end date, in the cut window (never before the date, never outside business hours, never on the eve of a day off,
 * so staff can still undo a mistake the same day); a disabled ONT is removed from the OLT after the grace period
 * ({@code automation.provisioning.deactivation-grace}, {@code P0D}: removed at once).
 */
@Component("deactivationSettings")
public class DeactivationSettings implements ca.gigafibre.automation.workflow.ExpressionBean {

    private final BusinessHours hours;
    private final Period grace;

    @org.springframework.beans.factory.annotation.Autowired
    public DeactivationSettings(BusinessHours hours, ProvisioningSettings settings) {
        this(hours, settings.deactivationGrace());
    }

    DeactivationSettings(BusinessHours hours, Period grace) {
        if (grace.isNegative()) {
            throw new IllegalStateException("automation.provisioning.deactivation-grace must not be negative: " + grace);
        }
        this.hours = hours;
        this.grace = grace;
    }

    /** The first cut instant on or after the end date ({@code yyyy-MM-dd}). */
    public Date startOn(String endDate) {
        return hours.cutOn(LocalDate.parse(endDate));
    }

    /** True when the ONT is removed at once instead of disabled for the grace period. */
    public boolean isRemoveAtOnce() {
        return grace.isZero();
    }

    /** When a disabled ONT is removed: the grace period after now (engine clock). */
    public Date graceEndsFromNow() {
        return Date.from(BusinessTime.now().plus(grace).toInstant());
    }

    public Period grace() {
        return grace;
    }
}
