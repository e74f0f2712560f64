package ca.gigafibre.automation.erpnext.reconcile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Compares the two sides' documents of one doctype by engine id: missing on either side, grand totals or outstanding amounts that differ. */
final class LedgerComparison {

    /** One difference, before it is stored. */
    record Finding(String doctype, String engineId, String erpName, String kind, BigDecimal engineAmount, BigDecimal erpAmount) {
    }

    private LedgerComparison() {
    }

    static List<Finding> compare(String doctype, Map<String, LedgerDocument> engine, Map<String, LedgerDocument> erp) {
        TreeSet<String> ids = new TreeSet<>(engine.keySet());
        ids.addAll(erp.keySet());
        List<Finding> findings = new ArrayList<>();
        for (String id : ids) {
            LedgerDocument ours = engine.get(id);
            LedgerDocument theirs = erp.get(id);
            if (theirs == null) {
                findings.add(new Finding(doctype, id, null, "missing-in-erpnext", ours.grandTotal(), null));
            } else if (ours == null) {
                findings.add(new Finding(doctype, id, theirs.erpName(), "missing-in-engine", null, theirs.grandTotal()));
            } else {
                if (ours.grandTotal().compareTo(theirs.grandTotal()) != 0) {
                    findings.add(new Finding(doctype, id, theirs.erpName(), "grand-total", ours.grandTotal(), theirs.grandTotal()));
                }
                if (ours.outstanding() != null && theirs.outstanding() != null && ours.outstanding().compareTo(theirs.outstanding()) != 0) {
                    findings.add(new Finding(doctype, id, theirs.erpName(), "outstanding", ours.outstanding(), theirs.outstanding()));
                }
            }
        }
        return findings;
    }
}
