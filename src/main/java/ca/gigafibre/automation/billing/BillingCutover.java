package ca.gigafibre.automation.billing;

import java.time.YearMonth;

/**
 * Whether the engine bills a period, or another system billed it before the cut-over. Implemented where the cut-over is
 * configured (erpnext.Cutover), which sits above billing.
 */
public interface BillingCutover {

    boolean engineBills(YearMonth period);

    /** Refuses (422 naming {@code period}) a real run of a period the engine does not bill. */
    void requireEngineBills(YearMonth period);
}
