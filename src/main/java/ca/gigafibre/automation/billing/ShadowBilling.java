package ca.gigafibre.automation.billing;

import java.time.YearMonth;
import java.util.Optional;

/**
 * A shadow billing run: the period computed as a real run would, billed nowhere, compared with the books kept elsewhere.
 * Implemented by erpnext.shadow (above billing); its runs share the billing runs' URLs.
 */
public interface ShadowBilling {

    /** What {@code POST /api/billing/runs} answers for a shadow run; {@code id} is its place under {@code /api/billing/runs}. */
    interface Run {
        long id();
    }

    Run start(YearMonth period);

    Optional<? extends Run> find(long id);
}
