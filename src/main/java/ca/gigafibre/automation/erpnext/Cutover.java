package ca.gigafibre.automation.erpnext;

import ca.gigafibre.automation.billing.BillingCutover;
import ca.gigafibre.automation.platform.error.InvalidRequestException;
import java.time.YearMonth;
import org.springframework.stereotype.Component;

/**
 * The cut-over ({@code automation.erpnext.cutover-period}): ERPNext billed the periods before it, the engine bills from it
 * on. A real billing run of an earlier period would bill those months a second time, so it is refused (422 naming
 * {@code period}); a shadow run of it is how the two are compared.
 */
@Component
public class Cutover implements BillingCutover {

    private final ErpNextSettings settings;

    public Cutover(ErpNextSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean engineBills(YearMonth period) {
        return settings.cutoverPeriod() == null || !period.isBefore(settings.cutoverPeriod());
    }

    @Override
    public void requireEngineBills(YearMonth period) {
        if (!engineBills(period)) {
            throw new InvalidRequestException("period", "ERPNext bills the periods before the cut-over (" + settings.cutoverPeriod()
                    + "); run this one with \"mode\": \"shadow\" to compare");
        }
    }
}
