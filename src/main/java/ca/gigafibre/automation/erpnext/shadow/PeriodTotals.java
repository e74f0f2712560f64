package ca.gigafibre.automation.erpnext.shadow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** One side's totals of a period for one customer: net (before taxes), grand (with taxes). */
public record PeriodTotals(BigDecimal net, BigDecimal grand) {

    public static final PeriodTotals NONE = new PeriodTotals(BigDecimal.ZERO, BigDecimal.ZERO);
    private static final BigDecimal CENT = new BigDecimal("0.01");

    public PeriodTotals {
        net = net.setScale(2, RoundingMode.HALF_UP);
        grand = grand.setScale(2, RoundingMode.HALF_UP);
    }

    public PeriodTotals plus(PeriodTotals other) {
        return new PeriodTotals(net.add(other.net), grand.add(other.grand));
    }

    /** Differs by a cent or more in either total. */
    public boolean differsFrom(PeriodTotals other) {
        return net.subtract(other.net).abs().compareTo(CENT) >= 0 || grand.subtract(other.grand).abs().compareTo(CENT) >= 0;
    }

    /** The customers (ids, sorted) whose totals differ between the two sides; a customer on one side only has nothing on the other. */
    public static List<String> drifting(Map<String, PeriodTotals> engine, Map<String, PeriodTotals> erp) {
        TreeSet<String> customers = new TreeSet<>(engine.keySet());
        customers.addAll(erp.keySet());
        List<String> drifting = new ArrayList<>();
        for (String customer : customers) {
            if (engine.getOrDefault(customer, NONE).differsFrom(erp.getOrDefault(customer, NONE))) {
                drifting.add(customer);
            }
        }
        return drifting;
    }
}
